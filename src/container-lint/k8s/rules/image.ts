/** The parts of an image reference that the image rules judge. */
export interface ImageRef {
  repository: string
  tag?: string
  digest?: string
}

export function parseImage(image: string): ImageRef {
  const at = image.indexOf('@')
  const name = at >= 0 ? image.slice(0, at) : image
  const digest = at >= 0 ? image.slice(at + 1) : undefined
  const slash = name.lastIndexOf('/')
  const colon = name.lastIndexOf(':')
  // A colon before the last slash belongs to a registry port (registry:5000/app).
  const tag = colon > slash ? name.slice(colon + 1) : undefined
  return { repository: colon > slash ? name.slice(0, colon) : name, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) }
}

/** Templated or variable images ({{ .Values.image }}, $(IMAGE), ${IMAGE}) are not judged: we cannot know the value. */
export function isTemplated(image: string): boolean {
  return /\{\{|\$\(|\$\{/.test(image)
}

export function hasDigest(ref: ImageRef): boolean {
  return ref.digest !== undefined && /^sha256:[0-9a-f]{64}$/i.test(ref.digest)
}
