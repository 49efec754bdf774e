import type { RuleMeta } from './rule.js'

/** How a rule set says "enabled" and how a user switches an off rule on. */
export interface RuleDocStyle {
  isEnabled(rule: RuleMeta): boolean
  /** e.g. "enable it under `container-lint.rules` in the config file" */
  enableHint: string
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|')
}

function anchors(rule: RuleMeta): string {
  const entries = Object.entries(rule.anchors ?? {})
  return entries.length > 0 ? entries.map(([tool, id]) => `${tool} \`${id}\``).join('; ') : '–'
}

/** One rule's section; the explicit anchor matches the helpUri every finding carries. */
export function ruleSection(rule: RuleMeta, style: RuleDocStyle): string {
  return [
    `<a id="${rule.id.toLowerCase()}"></a>`,
    `### ${rule.id}`,
    '',
    `**${rule.name}** — ${oneLine(rule.title)}`,
    '',
    `- Severity: ${rule.severity}`,
    `- Enabled by default: ${style.isEnabled(rule) ? 'yes' : `no (${style.enableHint})`}`,
    `- Equivalent ids: ${anchors(rule)}`,
    '',
    oneLine(rule.rationale),
    '',
    // Multi-line fixes are YAML snippets: keep their lines.
    `**Fix:** ${rule.fix.includes('\n') ? `\n\n${rule.fix}` : oneLine(rule.fix)}`,
    ''
  ].join('\n')
}

/** The index table of a rule group. */
export function ruleTable(rules: readonly RuleMeta[], style: RuleDocStyle): string {
  return [
    '| Rule | Name | Severity | Enabled by default | Equivalent ids |',
    '|---|---|---|---|---|',
    ...rules.map(r => `| [${r.id}](#${r.id.toLowerCase()}) | ${r.name} | ${r.severity} | ${style.isEnabled(r) ? 'yes' : 'no'} | ${cell(anchors(r))} |`)
  ].join('\n')
}
