import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

// The bundles are ESM, where `__dirname` does not exist, but some CommonJS
// dependencies (@cdktf/hcl2json) read it at load time to find their WASM.
// In the bundle this module's URL is the bundle's own folder, where ncc puts
// those assets. Import it first in every entry point.
const scope = globalThis as { __dirname?: string }
scope.__dirname ??= dirname(fileURLToPath(import.meta.url))
