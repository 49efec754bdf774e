import { describe, expect, it } from 'vitest'
import { CommandStartError, nodeCommandRunner } from '../../../src/rollback-verify/analyze/command-runner.js'

const node = process.execPath

describe('nodeCommandRunner (real child processes, no shell)', () => {
  it('returns exit code and output', async () => {
    const result = await nodeCommandRunner([node, '-e', 'console.log("out"); console.error("err"); process.exit(3)'])
    expect(result).toMatchObject({ exitCode: 3, stdout: 'out\n', stderr: 'err\n' })
    expect(result.durationMs).toBeGreaterThanOrEqual(0)
  })

  it('passes arguments verbatim: shell syntax is not interpreted', async () => {
    const result = await nodeCommandRunner([node, '-e', 'console.log(JSON.stringify(process.argv.slice(1)))', '$HOME', '; echo hacked', '`id`'])
    expect(JSON.parse(result.stdout)).toEqual(['$HOME', '; echo hacked', '`id`'])
  })

  it('rejects with a clear CommandStartError when the binary does not exist', async () => {
    await expect(nodeCommandRunner(['deploy-gates-no-such-binary-xyz', 'rollout'])).rejects.toThrow(CommandStartError)
    await expect(nodeCommandRunner(['deploy-gates-no-such-binary-xyz'])).rejects.toThrow(/cannot start "deploy-gates-no-such-binary-xyz": command not found/)
  })

  it('kills a command that outlives its timeout', async () => {
    const result = await nodeCommandRunner([node, '-e', 'setTimeout(() => {}, 60000)'], { timeoutMs: 300 })
    expect(result.timedOut).toBe(true)
    expect(result.exitCode).not.toBe(0)
  })
})
