/**
 * Migration versions are compared part by part ("1.10" after "1.9",
 * "000002" equal to "2"), the way golang-migrate (uint) and Flyway
 * (dotted numbers) order them; plain string order would put 10 before 9.
 */
export function compareVersions(a: string, b: string): number {
  const pa = splitVersion(a)
  const pb = splitVersion(b)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i]
    const y = pb[i]
    if (x === undefined) return -1
    if (y === undefined) return 1
    const cmp = comparePart(x, y)
    if (cmp !== 0) return cmp
  }
  return 0
}

/** Canonical form used to spot duplicates: "0001" and "1" are the same version. */
export function canonicalVersion(version: string): string {
  return splitVersion(version)
    .map(part => (/^\d+$/.test(part) ? BigInt(part).toString() : part.toLowerCase()))
    .join('.')
}

function splitVersion(version: string): string[] {
  return version.split(/[._-]/).filter(part => part !== '')
}

function comparePart(x: string, y: string): number {
  const xNum = /^\d+$/.test(x)
  const yNum = /^\d+$/.test(y)
  if (xNum && yNum) {
    const bx = BigInt(x)
    const by = BigInt(y)
    return bx < by ? -1 : bx > by ? 1 : 0
  }
  if (xNum !== yNum) return xNum ? -1 : 1
  return x < y ? -1 : x > y ? 1 : 0
}
