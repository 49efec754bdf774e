import '../runtime/esm-dirname.js'
import { runContainerLint } from '../container-lint/index.js'
import { listInput, runAction } from './common.js'

await runAction('container-lint', async ctx => {
  const paths = listInput('paths')
  return runContainerLint(ctx, { paths: paths.length > 0 ? paths : ['.'] })
})
