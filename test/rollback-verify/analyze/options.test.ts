import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../../src/core/errors.js'
import { analyzeOptionsFromInputs, DEFAULT_HTTP_SUCCESS_CONDITION, parseDuration } from '../../../src/rollback-verify/analyze/options.js'

const prom = { 'prometheus-url': 'http://127.0.0.1:9090', query: 'up', 'success-condition': 'result[0] == 1' }

function configError(section: Record<string, unknown>, inputs: Record<string, string>): string {
  try {
    analyzeOptionsFromInputs(section, inputs)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('expected a ConfigError')
}

describe('analyzeOptionsFromInputs', () => {
  it('builds Prometheus options with Argo defaults', () => {
    const options = analyzeOptionsFromInputs({}, { ...prom, count: '5', interval: '30s' })
    expect(options).toEqual({
      provider: { kind: 'prometheus', url: 'http://127.0.0.1:9090', query: 'up' },
      successCondition: 'result[0] == 1',
      count: 5,
      intervalMs: 30_000,
      failureLimit: 0,
      inconclusiveLimit: 0,
      consecutiveErrorLimit: 4,
      verify: { reanalyze: true }
    })
  })

  it('count defaults to 1 without an interval; an interval without count is refused', () => {
    expect(analyzeOptionsFromInputs({}, prom).count).toBe(1)
    expect(configError({}, { ...prom, interval: '1m' })).toMatch(/count is required/)
  })

  it('reads the config section (rollback-verify.analyze) and lets non-empty inputs win', () => {
    const section = { analyze: { 'prometheus-url': 'http://prom:9090', query: 'a', 'success-condition': 'result[0] > 1', count: 3, interval: '1m', reanalyze: false, 'rollback-args': { deployment: 'web', namespace: 'prod' }, 'rollback-preset': 'kubectl' } }
    const options = analyzeOptionsFromInputs(section, { query: 'b', count: '', 'failure-limit': '1' })
    expect(options.provider).toEqual({ kind: 'prometheus', url: 'http://prom:9090', query: 'b' })
    expect(options.count).toBe(3)
    expect(options.failureLimit).toBe(1)
    expect(options.verify).toEqual({ reanalyze: false })
    expect(options.rollback).toEqual({ preset: 'kubectl', args: { deployment: 'web', namespace: 'prod' } })
    expect(configError({ analyze: { ...section.analyze, colour: 'red' } }, {})).toMatch(/unknown key "colour"/)
  })

  it('HTTP health: status 2xx by default, JSON field needs a condition', () => {
    const options = analyzeOptionsFromInputs({}, { 'health-url': 'https://app.example/healthz' })
    expect(options.provider).toEqual({ kind: 'http', url: 'https://app.example/healthz' })
    expect(options.successCondition).toBe(DEFAULT_HTTP_SUCCESS_CONDITION)
    expect(configError({}, { 'health-url': 'https://app.example/healthz', 'json-path': 'status' })).toMatch(/success-condition or failure-condition/)
    expect(configError({}, { 'health-url': 'https://x/', 'json-path': 'a..b', 'success-condition': 'true' })).toMatch(/invalid JSON path/)
    expect(configError({}, { 'health-url': 'https://x/', 'json-path': 'a.__proto__', 'success-condition': 'true' })).toMatch(/forbidden/)
  })

  it('parses rollback argv from JSON or whitespace, and k=v args', () => {
    expect(analyzeOptionsFromInputs({}, { ...prom, 'rollback-command': '["./roll back.sh", "--to", "v1"]' }).rollback).toEqual({ command: ['./roll back.sh', '--to', 'v1'] })
    expect(analyzeOptionsFromInputs({}, { ...prom, 'rollback-command': 'helm rollback web 0' }).rollback).toEqual({ command: ['helm', 'rollback', 'web', '0'] })
    // shell syntax is not interpreted: it is just argv text
    expect(analyzeOptionsFromInputs({}, { ...prom, 'verify-command': 'echo $HOME;rm' }).verify?.command).toEqual(['echo', '$HOME;rm'])
    const ecs = analyzeOptionsFromInputs({}, { ...prom, 'rollback-preset': 'ecs', 'rollback-args': 'cluster=prod\nservice=web\n# previous revision\ntask-definition=web:41' })
    expect(ecs.rollback?.args).toEqual({ cluster: 'prod', service: 'web', 'task-definition': 'web:41' })
  })

  it.each([
    [{ count: 'three' }, /count must be an integer/],
    [{ count: '0' }, /count must be >= 1/],
    [{ count: '3' }, /interval must be specified when count > 1/],
    [{ interval: '30' }, /duration/],
    [{ interval: '5x' }, /duration/],
    [{ 'failure-limit': '-1' }, /consecutive-success/],
    [{ 'failure-limit': '-2' }, />= -1/],
    [{ count: '2', interval: '1s', 'failure-limit': '2' }, /can never fail/],
    [{ count: '2', interval: '1s', 'inconclusive-limit': '3' }, /inconclusive-limit/],
    [{ 'consecutive-error-limit': '-1' }, />= 0/],
    [{ 'success-condition': 'result[0] >=' }, /success-condition: unexpected end/],
    [{ 'success-condition': '', 'failure-condition': '' }, /required/],
    [{ 'prometheus-url': 'ftp://x' }, /http\(s\)/],
    [{ 'prometheus-url': 'not a url' }, /valid URL/],
    [{ query: '' }, /query is required/],
    [{ 'health-url': 'http://x/' }, /either prometheus-url or health-url/],
    [{ 'rollback-preset': 'helm' }, /rollback-preset must be one of/],
    [{ 'rollback-preset': 'kubectl' }, /needs rollback-args deployment/],
    [{ 'rollback-preset': 'kubectl', 'rollback-args': 'deployment=web\nnamespce=prod' }, /unknown key "namespce"/],
    [{ 'rollback-preset': 'kubectl', 'rollback-args': 'deployment=--kubeconfig=/tmp/evil' }, /must not start with "-"/],
    [{ 'rollback-preset': 'kubectl', 'rollback-args': 'deployment=web prod' }, /not allowed/],
    [{ 'rollback-preset': 'kubectl', 'rollback-command': 'x', 'rollback-args': 'deployment=web' }, /not both/],
    [{ 'rollback-args': 'deployment=web' }, /without rollback-preset/],
    [{ 'rollback-command': '["a", 1]' }, /list of strings/],
    [{ 'rollback-command': '[oops' }, /does not parse/],
    [{ reanalyze: 'yes' }, /true or false/],
    [{ timeout: '10ms' }, /at least 100ms/],
    [{ 'on-error': 'ignore' }, /on-error must be one of rollback, inconclusive/],
    [{ 'on-inconclusive': 'fail' }, /on-inconclusive must be one of pause, rollback/]
  ])('rejects %j', (extra, message) => {
    expect(configError({}, { ...prom, ...extra })).toMatch(message)
  })

  it('parses Go-style durations', () => {
    expect(parseDuration('30s')).toBe(30_000)
    expect(parseDuration('1m30s')).toBe(90_000)
    expect(parseDuration('500ms')).toBe(500)
    expect(parseDuration('1.5h')).toBe(5_400_000)
    expect(parseDuration('0')).toBe(0)
    expect(parseDuration('')).toBeUndefined()
    expect(parseDuration('1d')).toBeUndefined()
  })
})
