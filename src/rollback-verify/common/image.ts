/**
 * Why an image reference cannot be rolled back to, or undefined when it is
 * pinned. A digest pins it whatever the tag; otherwise the tag must exist and
 * not be `latest`. Templated references (${VAR}, {{ }}) are left alone.
 */
export function mutableImageReason(image: string): string | undefined {
  const ref = image.trim()
  if (ref === '' || /\$\{|\{\{|\$\(/.test(ref)) return undefined
  if (/@sha256:[a-f0-9]{64}$/i.test(ref)) return undefined
  const lastSegment = ref.slice(ref.lastIndexOf('/') + 1)
  const colon = lastSegment.indexOf(':')
  if (colon === -1) return 'has no tag (means :latest)'
  const tag = lastSegment.slice(colon + 1)
  if (tag.toLowerCase() === 'latest') return 'uses the mutable :latest tag'
  return undefined
}
