export const id = 693;
export const ids = [693];
export const modules = {

/***/ 4079:
/***/ ((module) => {

function webpackEmptyContext(req) {
	var e = new Error("Cannot find module '" + req + "'");
	e.code = 'MODULE_NOT_FOUND';
	throw e;
}
webpackEmptyContext.keys = () => ([]);
webpackEmptyContext.resolve = webpackEmptyContext;
webpackEmptyContext.id = 4079;
module.exports = webpackEmptyContext;

/***/ }),

/***/ 7351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runTrustPolicyAudit: () => (/* binding */ runTrustPolicyAudit)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var core_errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/files.ts + 4 modules
var core_files = __webpack_require__(6531);
// EXTERNAL MODULE: ./src/oidc-guard/trust-policy/analysis.ts
var analysis = __webpack_require__(3991);
// EXTERNAL MODULE: ./src/oidc-guard/trust-policy/model.ts
var model = __webpack_require__(9280);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/oidc-guard/trust-policy/parse/structured.ts

class StructuredParseError extends Error {
    line;
    constructor(message, line) {
        super(message);
        this.line = line;
    }
}
// CloudFormation short-form intrinsics; without these YAML templates would not resolve cleanly.
const CFN_FUNCTIONS = [
    'Ref', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'If', 'Equals', 'And', 'Or', 'Not', 'Condition',
    'FindInMap', 'ImportValue', 'Base64', 'Cidr', 'GetAZs', 'Transform', 'ToJsonString', 'Length'
];
const CFN_TAGS = CFN_FUNCTIONS.flatMap(name => [
    { tag: `!${name}`, resolve: (value) => value },
    { tag: `!${name}`, collection: 'seq' },
    { tag: `!${name}`, collection: 'map' }
]);
function intrinsic(tag, value) {
    const name = tag.slice(1);
    if (name === 'Ref')
        return { Ref: value };
    if (name === 'Condition')
        return { Condition: value };
    return { [`Fn::${name}`]: value };
}
/**
 * Parses JSON (strictly, via JSON.parse first) or YAML with positions. Throws
 * StructuredParseError with the line of the first syntax error.
 */
function parseStructured(text, asJson) {
    let strict;
    if (asJson) {
        try {
            strict = JSON.parse(text);
        }
        catch (error) {
            throw new StructuredParseError(`invalid JSON: ${error.message}`, jsonErrorLine(text, error.message));
        }
    }
    const counter = new dist/* LineCounter */.HN();
    // Duplicate keys are an error: which one IAM honours is not something to guess in a security audit.
    const parsed = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter: counter, customTags: CFN_TAGS, uniqueKeys: true, prettyErrors: false });
    const docs = Array.isArray(parsed) ? parsed : [parsed];
    const first = docs.flatMap(d => d.errors)[0];
    if (first) {
        if (asJson && first.code !== 'DUPLICATE_KEY') {
            // Valid JSON the YAML reader trips over (exotic escapes/nesting): judge it without line numbers.
            return { value: strict, locate: () => undefined };
        }
        throw new StructuredParseError(`invalid ${asJson ? 'JSON' : 'YAML'}: ${first.message.split('\n')[0]}`, counter.linePos(first.pos[0]).line);
    }
    const lines = new WeakMap();
    const lineOf = (node) => node?.range ? counter.linePos(node.range[0]).line : undefined;
    let budget = 200_000; // alias bombs and absurd documents stop here
    let current;
    const convert = (node) => {
        if (--budget < 0)
            throw new StructuredParseError('document too large or too deeply aliased', 1);
        if (node === null || node === undefined)
            return null;
        if ((0,dist/* isAlias */.Vj)(node))
            return current ? convert(node.resolve(current)) : null;
        if ((0,dist/* isScalar */.jn)(node)) {
            return node.tag && node.tag.startsWith('!') && node.tag !== '!Sub' ? intrinsic(node.tag, node.value) : node.value;
        }
        if ((0,dist/* isSeq */.oP)(node)) {
            const out = [];
            const map = new Map();
            node.items.forEach((item, index) => {
                out.push(convert(item));
                const line = lineOf(item);
                if (line)
                    map.set(index, line);
            });
            lines.set(out, map);
            if (node.tag === '!Sub')
                return out[0]; // !Sub [template, vars]: the template is what matters here
            return node.tag && node.tag.startsWith('!') ? intrinsic(node.tag, out) : out;
        }
        if ((0,dist/* isMap */.jh)(node)) {
            const out = {};
            const map = new Map();
            for (const pair of node.items) {
                if (!(0,dist/* isPair */.tO)(pair))
                    continue;
                const keyNode = pair.key;
                const key = (0,dist/* isScalar */.jn)(keyNode) ? String(keyNode.value) : String(keyNode);
                out[key] = convert(pair.value);
                const line = lineOf(keyNode) ?? lineOf(pair.value);
                if (line)
                    map.set(key, line);
            }
            lines.set(out, map);
            return node.tag && node.tag.startsWith('!') ? intrinsic(node.tag, out) : out;
        }
        return null;
    };
    // Multi-document YAML (--- separated) becomes a list of documents.
    const values = docs.map(d => {
        current = d;
        return convert(d.contents);
    });
    const value = values.length === 1 ? values[0] : values;
    return { value, locate: (container, key) => lines.get(container)?.get(key) };
}
function jsonErrorLine(text, message) {
    const lineCol = /line (\d+) column \d+/.exec(message);
    if (lineCol)
        return Number(lineCol[1]);
    const position = /position (\d+)/.exec(message);
    if (position)
        return text.slice(0, Number(position[1])).split('\n').length;
    return text.split('\n').length; // "Unexpected end of JSON input": the fault is at the end
}
/**
 * The string a CloudFormation value stands for: literals as is, intrinsics as
 * `${…}` placeholders (Sub keeps its template), so issuer and subject text
 * survive for matching.
 */
function cfnString(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    if (!value || typeof value !== 'object' || Array.isArray(value))
        return undefined;
    const record = value;
    if ('Ref' in record)
        return `\${${String(record.Ref)}}`;
    if ('Fn::Sub' in record) {
        const sub = record['Fn::Sub'];
        return typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
    }
    if ('Fn::GetAtt' in record) {
        const att = record['Fn::GetAtt'];
        return `\${${Array.isArray(att) ? att.map(String).join('.') : String(att)}}`;
    }
    if ('Fn::Join' in record) {
        const join = record['Fn::Join'];
        if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
            return join[1].map(part => cfnString(part) ?? '${?}').join(join[0]);
        }
    }
    if ('Fn::ImportValue' in record)
        return `\${ImportValue}`;
    return undefined;
}

;// CONCATENATED MODULE: ./src/oidc-guard/trust-policy/extract-aws.ts


function isRecord(value) {
    return !!value && typeof value === 'object' && !Array.isArray(value);
}
function strings(value) {
    const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
    return list.map(v => cfnString(v) ?? JSON.stringify(v));
}
function appliesToWebIdentity(actions) {
    if (actions.length === 0)
        return true;
    return actions.some(a => /assumerolewithwebidentity/i.test(a) || a === '*' || /^sts:\*$/i.test(a));
}
/**
 * Keeps the Allow statements that let GitHub's issuer in: by federated
 * principal (the provider ARN, or a reference to a provider resource known to
 * be GitHub's) or by GitHub-issuer condition keys, because the principal is
 * often a variable.
 */
function githubStatements(raw, providerRefs) {
    const out = [];
    for (const s of raw) {
        if (s.effect.toLowerCase() !== 'allow' || !appliesToWebIdentity(s.actions))
            continue;
        const conditions = [];
        for (const c of s.conditions) {
            const claim = (0,model/* githubClaimOf */.xP)(c.key);
            if (claim)
                conditions.push({ operator: c.operator, claim, key: c.key, values: c.values, line: c.line, valueLines: c.valueLines });
        }
        const byPrincipal = s.principals.some(p => model/* GITHUB_ISSUER_TEXT */.yz.test(p) || providerRefs.some(ref => p.includes(ref)));
        if (byPrincipal || conditions.length > 0)
            out.push({ index: s.index, line: s.line, conditions });
    }
    return out;
}
/** Statements of an IAM policy document object (JSON, CloudFormation, jsonencode). */
function rawStatementsOfDocument(doc, locate, fallbackLine) {
    const raw = doc.Statement;
    const list = Array.isArray(raw) ? raw : isRecord(raw) ? [raw] : [];
    const docLine = locate(doc, 'Statement') ?? fallbackLine;
    return list.flatMap((statement, index) => {
        if (!isRecord(statement))
            return [];
        const line = (Array.isArray(raw) ? locate(raw, index) : undefined) ?? docLine;
        const principal = statement.Principal;
        const principals = isRecord(principal) ? strings(principal.Federated) : strings(principal);
        const conditions = [];
        const condition = statement.Condition;
        if (isRecord(condition)) {
            for (const [operator, block] of Object.entries(condition)) {
                if (!isRecord(block))
                    continue;
                const opLine = locate(condition, operator) ?? line;
                for (const [key, value] of Object.entries(block)) {
                    const keyLine = locate(block, key) ?? opLine;
                    const values = strings(value);
                    const valueLines = values.map((_, i) => (Array.isArray(value) ? locate(value, i) : undefined) ?? keyLine);
                    conditions.push({ operator, key, values, line: keyLine, valueLines });
                }
            }
        }
        return [
            {
                index,
                line,
                effect: cfnString(statement.Effect) ?? 'Allow',
                actions: strings(statement.Action),
                principals,
                conditions
            }
        ];
    });
}
const ADMIN_POLICY = /:policy\/AdministratorAccess$/;
/** True when a policy document grants Action "*" on Resource "*". */
function documentIsAdmin(doc) {
    if (!isRecord(doc))
        return false;
    const raw = doc.Statement;
    const list = Array.isArray(raw) ? raw : isRecord(raw) ? [raw] : [];
    return list.some(s => isRecord(s) && (cfnString(s.Effect) ?? 'Allow').toLowerCase() === 'allow' && strings(s.Action).includes('*'));
}
function isAdminPolicyArn(arn) {
    return ADMIN_POLICY.test(arn);
}

;// CONCATENATED MODULE: ./src/oidc-guard/trust-policy/shape.ts


function shape_isRecord(value) {
    return !!value && typeof value === 'object' && !Array.isArray(value);
}
function absent(value) {
    return value === undefined || value === null;
}
/** A string, or a CloudFormation intrinsic that stands for one. */
function isText(value) {
    return typeof value === 'string' || (shape_isRecord(value) && cfnString(value) !== undefined);
}
/** Condition values may be numbers or booleans too (NumericLessThan, Bool). */
function isScalarValue(value) {
    return isText(value) || typeof value === 'number' || typeof value === 'boolean';
}
function isTextOrTextList(value) {
    return isScalarValue(value) || (Array.isArray(value) && value.every(isScalarValue));
}
/** Whether a record mentions GitHub anywhere (issuer, repo: subjects): only those are judged here. */
function mentionsGithub(record) {
    const text = JSON.stringify(record) ?? '';
    return model/* GITHUB_ISSUER_TEXT */.yz.test(text) || /repo:/.test(text);
}
/** IAM policy document: Statement, its items, Principal, Action, Effect, Condition blocks. */
function awsDocumentFaults(doc, locate, fallbackLine) {
    const faults = [];
    const raw = doc.Statement;
    const docLine = locate(doc, 'Statement') ?? fallbackLine;
    if (absent(raw))
        return faults;
    if (!Array.isArray(raw) && !shape_isRecord(raw))
        return [{ message: '`Statement` must be an object or a list of objects', line: docLine }];
    const statements = Array.isArray(raw) ? raw : [raw];
    statements.forEach((statement, index) => {
        const line = (Array.isArray(raw) ? locate(raw, index) : undefined) ?? docLine;
        if (!shape_isRecord(statement)) {
            faults.push({ message: `Statement[${index}] must be an object`, line });
            return;
        }
        const at = (key) => locate(statement, key) ?? line;
        if (!absent(statement.Effect) && !isText(statement.Effect))
            faults.push({ message: `Statement[${index}].Effect must be a string`, line: at('Effect') });
        if (!absent(statement.Action) && !isTextOrTextList(statement.Action))
            faults.push({ message: `Statement[${index}].Action must be a string or a list of strings`, line: at('Action') });
        const principal = statement.Principal;
        if (!absent(principal)) {
            if (shape_isRecord(principal) && cfnString(principal) === undefined) {
                if (!absent(principal.Federated) && !isTextOrTextList(principal.Federated))
                    faults.push({ message: `Statement[${index}].Principal.Federated must be a string or a list of strings`, line: locate(principal, 'Federated') ?? at('Principal') });
            }
            else if (!isTextOrTextList(principal)) {
                faults.push({ message: `Statement[${index}].Principal must be an object or a string`, line: at('Principal') });
            }
        }
        const condition = statement.Condition;
        if (absent(condition))
            return;
        if (!shape_isRecord(condition)) {
            faults.push({ message: `Statement[${index}].Condition must be an object of operators`, line: at('Condition') });
            return;
        }
        for (const [operator, block] of Object.entries(condition)) {
            const opLine = locate(condition, operator) ?? at('Condition');
            if (!shape_isRecord(block)) {
                faults.push({ message: `Statement[${index}].Condition.${operator} must be an object of condition keys`, line: opLine });
                continue;
            }
            for (const [key, value] of Object.entries(block)) {
                if (!isTextOrTextList(value))
                    faults.push({ message: `Statement[${index}].Condition.${operator}["${key}"] must be a string or a list of strings`, line: locate(block, key) ?? opLine });
            }
        }
    });
    return faults;
}
/** Azure federated identity credential (az / Graph / ARM): issuer, subject, claimsMatchingExpression, audiences. */
function azureCredentialFaults(record, locate) {
    if (!('issuer' in record) || !('subject' in record || 'claimsMatchingExpression' in record) || !mentionsGithub(record))
        return [];
    const faults = [];
    const line = locate(record, 'issuer') ?? 1;
    const at = (key) => locate(record, key) ?? line;
    if (!isText(record.issuer))
        faults.push({ message: 'federated credential `issuer` must be a string', line });
    if (!absent(record.subject) && !isText(record.subject))
        faults.push({ message: 'federated credential `subject` must be a string', line: at('subject') });
    const expression = record.claimsMatchingExpression;
    if (!absent(expression)) {
        if (!shape_isRecord(expression))
            faults.push({ message: 'federated credential `claimsMatchingExpression` must be an object with `value` and `languageVersion`', line: at('claimsMatchingExpression') });
        else if (!isText(expression.value))
            faults.push({ message: '`claimsMatchingExpression.value` must be a string', line: locate(expression, 'value') ?? at('claimsMatchingExpression') });
    }
    if (absent(record.subject) && absent(expression))
        faults.push({ message: 'federated credential has neither `subject` nor `claimsMatchingExpression`', line });
    for (const key of ['audiences', 'audience']) {
        const value = record[key];
        if (absent(value))
            continue;
        // Graph and ARM spell it `audiences` (a list); a lone string there is a broken file, not one audience.
        const ok = key === 'audiences' ? Array.isArray(value) && value.every(isText) : isTextOrTextList(value);
        if (!ok)
            faults.push({ message: `federated credential \`${key}\` must be a list of strings`, line: at(key) });
    }
    return faults;
}
/** GCP workload identity provider (gcloud JSON): oidc.issuerUri, oidc.allowedAudiences, attributeCondition. */
function gcpProviderFaults(record, locate) {
    if (!('oidc' in record) || !mentionsGithub(record))
        return [];
    const faults = [];
    const line = locate(record, 'oidc') ?? 1;
    const oidc = record.oidc;
    if (!shape_isRecord(oidc))
        return [{ message: 'workload identity provider `oidc` must be an object', line }];
    for (const key of ['issuerUri', 'issuer_uri']) {
        if (key in oidc && !isText(oidc[key]))
            faults.push({ message: `\`oidc.${key}\` must be a string`, line: locate(oidc, key) ?? line });
    }
    for (const key of ['allowedAudiences', 'allowed_audiences']) {
        const value = oidc[key];
        if (!absent(value) && !(Array.isArray(value) && value.every(isText)))
            faults.push({ message: `\`oidc.${key}\` must be a list of strings`, line: locate(oidc, key) ?? line });
    }
    for (const key of ['attributeCondition', 'attribute_condition']) {
        if (!absent(record[key]) && !isText(record[key]))
            faults.push({ message: `\`${key}\` must be a string (a CEL expression)`, line: locate(record, key) ?? line });
    }
    for (const key of ['attributeMapping', 'attribute_mapping']) {
        if (!absent(record[key]) && !shape_isRecord(record[key]))
            faults.push({ message: `\`${key}\` must be an object`, line: locate(record, key) ?? line });
    }
    return faults;
}

;// CONCATENATED MODULE: ./src/oidc-guard/trust-policy/extract-structured.ts




/** The first wrong-typed field fails the file, with its line (never read as absent). */
function failOn(faults) {
    const first = faults[0];
    if (first)
        throw new StructuredParseError(first.message, first.line);
}
function extract_structured_isRecord(value) {
    return !!value && typeof value === 'object' && !Array.isArray(value);
}
function list(value) {
    return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}
/**
 * Finds GitHub trust in a parsed JSON/YAML file: CloudFormation roles
 * (AssumeRolePolicyDocument), plain IAM trust documents or `aws iam get-role`
 * output, GCP workload identity providers (gcloud JSON) and Azure federated
 * identity credentials (az / Graph / ARM JSON). Throws StructuredParseError
 * (with the line) for a trust field of the wrong type.
 */
function trustsInStructured(file, path) {
    const { value: root, locate } = file;
    const trusts = [];
    const seen = new Set();
    const providerRefs = [];
    const resources = extract_structured_isRecord(root) && extract_structured_isRecord(root.Resources) ? root.Resources : undefined;
    if (resources) {
        for (const [id, res] of Object.entries(resources)) {
            if (!extract_structured_isRecord(res) || res.Type !== 'AWS::IAM::OIDCProvider' || !extract_structured_isRecord(res.Properties))
                continue;
            if (model/* GITHUB_ISSUER_TEXT */.yz.test(cfnString(res.Properties.Url) ?? ''))
                providerRefs.push(id);
        }
        for (const [id, res] of Object.entries(resources)) {
            if (!extract_structured_isRecord(res) || res.Type !== 'AWS::IAM::Role' || !extract_structured_isRecord(res.Properties))
                continue;
            const props = res.Properties;
            const doc = props.AssumeRolePolicyDocument;
            const line = locate(props, 'AssumeRolePolicyDocument') ?? locate(resources, id) ?? 1;
            if (!extract_structured_isRecord(doc)) {
                if (doc !== undefined && doc !== null)
                    failOn([{ message: `${id}: AssumeRolePolicyDocument must be an object`, line }]);
                continue;
            }
            seen.add(doc);
            failOn(awsDocumentFaults(doc, locate, line));
            const statements = githubStatements(rawStatementsOfDocument(doc, locate, line), providerRefs);
            if (statements.length === 0)
                continue;
            const adminLike = list(props.ManagedPolicyArns).some(arn => isAdminPolicyArn(cfnString(arn) ?? '')) ||
                list(props.Policies).some(p => extract_structured_isRecord(p) && documentIsAdmin(p.PolicyDocument));
            trusts.push({ kind: 'aws', path, resource: id, line, statements, adminLike });
        }
    }
    const walk = (node, label, depth) => {
        if (depth > 64 || node === null || typeof node !== 'object' || seen.has(node))
            return;
        seen.add(node);
        if (Array.isArray(node)) {
            node.forEach((item, i) => walk(item, `${label}[${i}]`, depth + 1));
            return;
        }
        const record = node;
        if ('Statement' in record) {
            const line = locate(record, 'Statement') ?? 1;
            failOn(awsDocumentFaults(record, locate, line));
            const statements = githubStatements(rawStatementsOfDocument(record, locate, line), providerRefs);
            if (statements.length > 0)
                trusts.push({ kind: 'aws', path, resource: label || 'trust policy', line, statements, adminLike: false });
        }
        failOn(gcpProviderFaults(record, locate));
        failOn(azureCredentialFaults(record, locate));
        const gcp = gcpProvider(record, label, path, locate);
        if (gcp)
            trusts.push(gcp);
        const azure = azureCredential(record, label, path, locate);
        if (azure)
            trusts.push(azure);
        for (const [key, value] of Object.entries(record)) {
            // `aws iam get-role` output names the role; use it as the label.
            const name = key === 'AssumeRolePolicyDocument' && typeof record.RoleName === 'string' ? record.RoleName : label ? `${label}.${key}` : key;
            walk(value, name, depth + 1);
        }
    };
    walk(root, '', 0);
    return trusts;
}
function gcpProvider(record, label, path, locate) {
    const oidc = record.oidc;
    if (!extract_structured_isRecord(oidc))
        return undefined;
    const issuer = cfnString(oidc.issuerUri ?? oidc.issuer_uri);
    if (!issuer || !model/* GITHUB_ISSUER_TEXT */.yz.test(issuer))
        return undefined;
    const conditionKey = 'attributeCondition' in record ? 'attributeCondition' : 'attribute_condition';
    const line = locate(record, 'oidc') ?? 1;
    return {
        kind: 'gcp',
        path,
        resource: cfnString(record.name) ?? cfnString(record.displayName) ?? (label || 'workload identity provider'),
        line,
        issuer,
        condition: cfnString(record[conditionKey]),
        conditionLine: locate(record, conditionKey) ?? line
    };
}
function azureCredential(record, label, path, locate) {
    const issuer = cfnString(record.issuer);
    if (issuer === undefined)
        return undefined;
    const subject = cfnString(record.subject);
    const expressionRecord = record.claimsMatchingExpression;
    const expression = extract_structured_isRecord(expressionRecord) ? cfnString(expressionRecord.value) : cfnString(expressionRecord);
    if (subject === undefined && expression === undefined)
        return undefined;
    const github = model/* GITHUB_ISSUER_TEXT */.yz.test(issuer) || /repo:/.test(subject ?? '') || /repo:/.test(expression ?? '');
    if (!github)
        return undefined;
    const audienceKey = 'audiences' in record ? 'audiences' : 'audience';
    const line = locate(record, 'issuer') ?? 1;
    return {
        kind: 'azure',
        path,
        resource: cfnString(record.name) ?? cfnString(record.display_name) ?? (label || 'federated credential'),
        line,
        issuer,
        issuerLine: line,
        subject,
        subjectLine: locate(record, 'subject') ?? line,
        expression,
        expressionLine: locate(record, 'claimsMatchingExpression') ?? line,
        audiences: list(record[audienceKey]).map(a => cfnString(a) ?? String(a)),
        audienceLine: locate(record, audienceKey) ?? line
    };
}

// EXTERNAL MODULE: ./src/oidc-guard/trust-policy/gcp-condition.ts
var gcp_condition = __webpack_require__(7231);
// EXTERNAL MODULE: ./node_modules/@cdktf/hcl2json/lib/index.js
var lib = __webpack_require__(4382);
;// CONCATENATED MODULE: ./src/oidc-guard/trust-policy/parse/terraform.ts




class HclParseError extends Error {
    line;
    constructor(message, line) {
        super(message);
        this.line = line;
    }
}
function terraform_isRecord(value) {
    return !!value && typeof value === 'object' && !Array.isArray(value);
}
function terraform_list(value) {
    return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}
function str(value) {
    return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}
function firstBlock(value) {
    const first = terraform_list(value)[0];
    return terraform_isRecord(first) ? first : {};
}
async function hcl(path, text) {
    try {
        return (await (0,lib.parse)(path, text));
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // hcl2json reports "file.tf:LINE,COL-…: Summary; Detail"
        const at = /:(\d+),(\d+)(?:-\d+(?:,\d+)?)?:\s*([^\]]*)/.exec(message);
        throw new HclParseError(`invalid HCL: ${at ? at[3].trim() : message}`, at ? Number(at[1]) : 1);
    }
}
/** Line span of `resource "type" "name" {…}` / `data "type" "name" {…}` in the source. */
function blockSpan(lines, kind, type, name) {
    const head = new RegExp(`^\\s*${kind}\\s+"${type}"\\s+"${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`);
    const start = lines.findIndex(l => head.test(l));
    if (start < 0)
        return [1, lines.length];
    let depth = 0;
    let opened = false;
    for (let i = start; i < lines.length; i++) {
        // Braces inside quoted strings are skipped; heredoc JSON is balanced, so counting it is harmless.
        const code = lines[i].replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/#.*$|\/\/.*$/, '');
        for (const ch of code) {
            if (ch === '{') {
                depth++;
                opened = true;
            }
            else if (ch === '}')
                depth--;
        }
        if (opened && depth <= 0)
            return [start + 1, i + 1];
    }
    return [start + 1, lines.length];
}
function firstStringLeaf(value, depth = 0) {
    if (typeof value === 'string')
        return value;
    if (depth > 8 || !value || typeof value !== 'object')
        return undefined;
    for (const v of Object.values(value)) {
        const found = firstStringLeaf(v, depth + 1);
        if (found)
            return found;
    }
    return undefined;
}
/**
 * hcl2json drops positions, so lines come from the source text: the first
 * line inside the block that holds the value (or key) searched for.
 */
function textLocator(lines, [from, to]) {
    const find = (needle, after = from) => {
        for (let i = Math.max(after, from); i <= to; i++)
            if (lines[i - 1]?.includes(needle))
                return i;
        return undefined;
    };
    const nth = (pattern, n) => {
        let seen = -1;
        for (let i = from; i <= to; i++)
            if (pattern.test(lines[i - 1] ?? '') && ++seen === n)
                return i;
        return undefined;
    };
    const locate = (container, key) => {
        const value = container[key];
        // The n-th policy statement: its n-th `Effect` line (hcl2json sorts keys, so leaf order is no guide).
        if (typeof key === 'number' && terraform_isRecord(value) && 'Effect' in value) {
            const line = nth(/["\s{]Effect["\s]*[=:]/, key);
            if (line)
                return line;
        }
        const leaf = typeof value === 'string' ? value : firstStringLeaf(value);
        const text = leaf?.replace(/^\$\{(.*)\}$/s, '$1');
        return (text ? find(`"${text}"`) ?? find(text) : undefined) ?? (typeof key === 'string' ? find(key) : undefined);
    };
    return Object.assign(locate, { find });
}
/** `${jsonencode({...})}` → the object, parsed by the HCL parser itself (no hand-made conversion). */
async function jsonencodeObject(path, expression, line) {
    const inner = /^\$\{\s*jsonencode\(([\s\S]*)\)\s*\}$/.exec(expression.trim())?.[1];
    if (inner === undefined)
        return undefined;
    let parsed;
    try {
        parsed = await hcl(path, `v = ${inner}\n`);
    }
    catch (error) {
        throw new HclParseError(`jsonencode(...) argument is not an HCL object expression: ${error.message}`, line);
    }
    return parsed.v;
}
/** The expression when the whole value is one `${…}` interpolation (nested braces and strings allowed). */
function wholeInterpolation(value) {
    if (!value.startsWith('${') || !value.endsWith('}'))
        return undefined;
    let depth = 0;
    let quoted = false;
    for (let i = 1; i < value.length; i++) {
        const ch = value[i];
        if (quoted) {
            if (ch === '\\')
                i++;
            else if (ch === '"')
                quoted = false;
        }
        else if (ch === '"')
            quoted = true;
        else if (ch === '{')
            depth++;
        else if (ch === '}' && --depth === 0)
            return i === value.length - 1 ? value.slice(2, -1).trim() : undefined;
    }
    return undefined;
}
async function policyValue(path, value, line) {
    const trimmed = value.trim();
    if (/^\$\{\s*jsonencode\(/.test(trimmed)) {
        const doc = await jsonencodeObject(path, trimmed, line);
        if (terraform_isRecord(doc))
            return { kind: 'document', doc };
        return { kind: 'unsupported', why: 'jsonencode() of a non-literal expression (merge(), locals…)' };
    }
    const whole = wholeInterpolation(trimmed);
    if (whole !== undefined)
        return { kind: 'reference', ref: whole };
    if (/%\{/.test(trimmed))
        return { kind: 'unsupported', why: 'template directives (%{ … }) in the policy text' };
    try {
        const doc = JSON.parse(value);
        if (terraform_isRecord(doc))
            return { kind: 'document', doc };
    }
    catch (error) {
        // Heredoc text starts on the line after `<<EOT`; point at the faulty line inside it.
        const message = error.message;
        const position = /position (\d+)/.exec(message);
        const inside = position ? value.slice(0, Number(position[1])).split('\n').length : 0;
        throw new HclParseError(`assume_role_policy is not valid JSON: ${message}`, inside > 0 ? line + inside : line);
    }
    throw new HclParseError('assume_role_policy is not a JSON object', line);
}
/** aws_iam_openid_connect_provider resources whose url is GitHub's issuer: references to them mark GitHub trust. */
function githubProviderRefs(root) {
    const resources = (root.resource ?? {});
    return Object.entries(resources.aws_iam_openid_connect_provider ?? {})
        .filter(([, blocks]) => model/* GITHUB_ISSUER_TEXT */.yz.test(str(firstBlock(blocks).url) ?? ''))
        .map(([name]) => `aws_iam_openid_connect_provider.${name}`);
}
function adminRoles(root) {
    const resources = (root.resource ?? {});
    const admin = new Set();
    for (const blocks of Object.values(resources.aws_iam_role_policy_attachment ?? {})) {
        const b = firstBlock(blocks);
        const role = /aws_iam_role\.([A-Za-z0-9_-]+)\./.exec(str(b.role) ?? '')?.[1];
        if (role && isAdminPolicyArn(str(b.policy_arn) ?? ''))
            admin.add(role);
    }
    return admin;
}
/**
 * Terraform: aws_iam_role.assume_role_policy (jsonencode or heredoc/literal
 * JSON), data "aws_iam_policy_document", google_iam_workload_identity_pool_provider,
 * azuread_application_federated_identity_credential and
 * azurerm_federated_identity_credential. Other expressions are named in notices.
 */
async function trustsInTerraform(path, text, extraProviderRefs = []) {
    const root = await hcl(path, text);
    const lines = text.split(/\r?\n/);
    const trusts = [];
    const notices = [];
    const resources = (root.resource ?? {});
    const data = (root.data ?? {});
    const providerRefs = [...githubProviderRefs(root), ...extraProviderRefs];
    const admin = adminRoles(root);
    const adminDocuments = new Set();
    for (const [name, blocks] of Object.entries(resources.aws_iam_role ?? {})) {
        const block = firstBlock(blocks);
        const span = blockSpan(lines, 'resource', 'aws_iam_role', name);
        const locator = textLocator(lines, span);
        const raw = str(block.assume_role_policy);
        if (raw === undefined)
            continue;
        const line = locator.find('assume_role_policy') ?? span[0];
        const value = await policyValue(path, raw, line);
        if (value.kind === 'reference') {
            const document = /^data\.aws_iam_policy_document\.([\w-]+)\.json$/.exec(value.ref)?.[1];
            if (document) {
                // The data source is audited as its own block; it inherits this role's admin-ness.
                if (admin.has(name) || (await roleAdminLike(path, block, line)))
                    adminDocuments.add(document);
            }
            else {
                notices.push(`${path}:${line}: aws_iam_role.${name}: assume_role_policy = ${value.ref} is not evaluated; audit the rendered policy (file/template/variable) directly`);
            }
            continue;
        }
        if (value.kind === 'unsupported') {
            // Not evaluated is not the same as clean: say so for every role whose policy could not be read.
            notices.push(`${path}:${line}: aws_iam_role.${name}: ${value.why} is not evaluated; audit the rendered policy JSON instead`);
            continue;
        }
        // A wrong-typed Statement/Condition would be read as absent: fail the file instead.
        const fault = awsDocumentFaults(value.doc, locator, line)[0];
        if (fault)
            throw new HclParseError(`aws_iam_role.${name}: ${fault.message}`, fault.line);
        const statements = githubStatements(rawStatementsOfDocument(value.doc, locator, line), providerRefs);
        if (statements.length === 0)
            continue;
        const adminLike = admin.has(name) || (await roleAdminLike(path, block, line));
        trusts.push({ kind: 'aws', path, resource: `aws_iam_role.${name}`, line, statements, adminLike });
    }
    for (const [name, blocks] of Object.entries(data.aws_iam_policy_document ?? {})) {
        const span = blockSpan(lines, 'data', 'aws_iam_policy_document', name);
        const locator = textLocator(lines, span);
        const statements = githubStatements(policyDocumentStatements(firstBlock(blocks), locator, span[0]), providerRefs);
        if (statements.length > 0) {
            trusts.push({ kind: 'aws', path, resource: `data.aws_iam_policy_document.${name}`, line: span[0], statements, adminLike: adminDocuments.has(name) });
        }
    }
    for (const [name, blocks] of Object.entries(resources.google_iam_workload_identity_pool_provider ?? {})) {
        const block = firstBlock(blocks);
        const issuer = str(firstBlock(block.oidc).issuer_uri);
        if (!issuer || !model/* GITHUB_ISSUER_TEXT */.yz.test(issuer))
            continue;
        const span = blockSpan(lines, 'resource', 'google_iam_workload_identity_pool_provider', name);
        const locator = textLocator(lines, span);
        const condition = block.attribute_condition;
        if (condition !== undefined && condition !== null && typeof condition !== 'string') {
            throw new HclParseError(`google_iam_workload_identity_pool_provider.${name}: \`attribute_condition\` must be a string (a CEL expression)`, locator.find('attribute_condition') ?? span[0]);
        }
        const gcp = {
            kind: 'gcp',
            path,
            resource: `google_iam_workload_identity_pool_provider.${name}`,
            line: span[0],
            issuer,
            condition: str(block.attribute_condition),
            conditionLine: locator.find('attribute_condition') ?? span[0]
        };
        trusts.push(gcp);
    }
    for (const type of ['azuread_application_federated_identity_credential', 'azurerm_federated_identity_credential']) {
        for (const [name, blocks] of Object.entries(resources[type] ?? {})) {
            const block = firstBlock(blocks);
            const issuer = str(block.issuer);
            const subject = str(block.subject);
            if (!(model/* GITHUB_ISSUER_TEXT */.yz.test(issuer ?? '') || /repo:/.test(subject ?? '')))
                continue;
            const span = blockSpan(lines, 'resource', type, name);
            const locator = textLocator(lines, span);
            const audienceKey = 'audiences' in block ? 'audiences' : 'audience';
            const audiences = block[audienceKey];
            // list(string) in both providers; a lone literal string is a broken file (`"${var.x}"` is a reference, not evaluated).
            if (typeof audiences === 'string' && !/^\$\{[\s\S]*\}$/.test(audiences.trim())) {
                throw new HclParseError(`${type}.${name}: \`${audienceKey}\` must be a list of strings`, locator.find(audienceKey) ?? span[0]);
            }
            for (const key of ['issuer', 'subject']) {
                if (block[key] !== undefined && block[key] !== null && typeof block[key] !== 'string') {
                    throw new HclParseError(`${type}.${name}: \`${key}\` must be a string`, locator.find(key) ?? span[0]);
                }
            }
            const azure = {
                kind: 'azure',
                path,
                resource: `${type}.${name}`,
                line: span[0],
                issuer,
                issuerLine: locator.find('issuer') ?? span[0],
                subject,
                subjectLine: locator.find('subject') ?? span[0],
                expressionLine: span[0],
                audiences: terraform_list(block[audienceKey]).map(a => str(a) ?? ''),
                audienceLine: locator.find(audienceKey) ?? span[0]
            };
            trusts.push(azure);
        }
    }
    return { trusts, notices };
}
async function roleAdminLike(path, block, line) {
    if (terraform_list(block.managed_policy_arns).some(arn => isAdminPolicyArn(str(arn) ?? '')))
        return true;
    const inline = await Promise.all(terraform_list(block.inline_policy).map(async (p) => (terraform_isRecord(p) && str(p.policy) ? policyAdmin(path, str(p.policy), line) : false)));
    return inline.some(Boolean);
}
async function policyAdmin(path, raw, line) {
    try {
        const value = await policyValue(path, raw, line);
        return value.kind === 'document' && documentIsAdmin(value.doc);
    }
    catch {
        return false;
    }
}
/** A whole-value interpolation `${var.x}` is written bare in HCL; anything else is a quoted string. */
function needleOf(value) {
    const whole = /^\$\{(.*)\}$/s.exec(value);
    return whole ? whole[1].trim() : `"${value}"`;
}
/** data "aws_iam_policy_document": statement { effect, actions, principals {…}, condition { test, variable, values } } */
function policyDocumentStatements(block, locator, fallback) {
    let cursor = fallback;
    return terraform_list(block.statement).flatMap((s, index) => {
        if (!terraform_isRecord(s))
            return [];
        const line = locator.find('statement', cursor + (index === 0 ? 0 : 1)) ?? fallback;
        cursor = line;
        const principals = terraform_list(s.principals).flatMap(p => terraform_isRecord(p) && (str(p.type) ?? '').toLowerCase() === 'federated' ? terraform_list(p.identifiers).map(i => str(i) ?? '') : []);
        const conditions = terraform_list(s.condition).flatMap((c) => {
            if (!terraform_isRecord(c))
                return [];
            const key = str(c.variable) ?? '';
            const values = terraform_list(c.values).map(v => str(v) ?? '');
            const keyLine = locator.find(key, line) ?? line;
            return [{ operator: str(c.test) ?? '', key, values, line: keyLine, valueLines: values.map(v => locator.find(needleOf(v), line) ?? keyLine) }];
        });
        return [{ index, line, effect: str(s.effect) ?? 'Allow', actions: terraform_list(s.actions).map(a => str(a) ?? ''), principals, conditions }];
    });
}
/** Names (aws_iam_openid_connect_provider.NAME) of GitHub OIDC provider resources, found in the raw text. */
function githubProviderRefsInText(text) {
    const lines = text.split(/\r?\n/);
    const refs = [];
    for (const m of text.matchAll(/resource\s+"aws_iam_openid_connect_provider"\s+"([^"]+)"/g)) {
        const [from, to] = blockSpan(lines, 'resource', 'aws_iam_openid_connect_provider', m[1]);
        if (model/* GITHUB_ISSUER_TEXT */.yz.test(lines.slice(from - 1, to).join('\n')))
            refs.push(`aws_iam_openid_connect_provider.${m[1]}`);
    }
    return refs;
}

// EXTERNAL MODULE: ./src/oidc-guard/trust-policy/rules/index.ts + 14 modules
var rules = __webpack_require__(3922);
;// CONCATENATED MODULE: ./src/oidc-guard/trust-policy/audit.ts











const COMMAND = 'oidc-guard trust-policies';
const ACCEPTED = /\.(json|ya?ml|tf|tpl|template)$/i;
function formatOf(path, text) {
    if (/\.tf$/i.test(path))
        return 'terraform';
    if (/\.(json|tpl)$/i.test(path))
        return 'json';
    if (/\.template$/i.test(path))
        return text.trimStart().startsWith('{') ? 'json' : 'yaml';
    return 'yaml';
}
/** Text that could hold GitHub trust; other files found by a directory walk are skipped unparsed. */
function mayHoldTrust(text) {
    return model/* GITHUB_ISSUER_TEXT */.yz.test(text) || /["']?repo:/.test(text) || /aws_iam_policy_document|aws_iam_role|AssumeRoleWithWebIdentity|workload_identity_pool_provider|federated_identity_credential/.test(text);
}
async function candidates(paths, workspace) {
    const files = new Map();
    const errors = [];
    for (const root of paths.map(p => p.trim()).filter(Boolean)) {
        const info = await (0,promises_.stat)((0,external_node_path_.resolve)(workspace, root)).catch(() => undefined);
        if (info?.isFile()) {
            const shown = (0,core_files/* displayPath */.Gt)(workspace, root);
            files.set(shown, { path: shown, explicit: true });
            continue;
        }
        const found = await (0,core_files/* collectFiles */.C0)([root], workspace, p => ACCEPTED.test(p));
        errors.push(...found.errors);
        for (const f of found.files)
            if (!files.has(f))
                files.set(f, { path: f, explicit: false });
    }
    return { files: [...files.values()].sort((a, b) => a.path.localeCompare(b.path)), errors };
}
function scopeSummary(trust) {
    if (trust.kind === 'aws') {
        return trust.statements
            .map(s => {
            const a = (0,analysis/* analyzeStatement */.MJ)(s);
            return a.scope ? `${a.scope.reach} (${a.scope.condition.claim})` : a.attackerOnly.length ? 'attacker claims only' : 'unscoped';
        })
            .join('; ');
    }
    if (trust.kind === 'gcp') {
        const cel = (0,gcp_condition/* analyzeCel */.x)(trust.condition);
        return cel.trivial ? 'unscoped' : (cel.reach ?? 'unrecognized condition');
    }
    return trust.subject ?? trust.expression ?? '—';
}
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
/*
 * What is read (anything else is named in a notice or an error, never passed silently):
 * - *.json: IAM trust documents, `aws iam get-role` output, CloudFormation JSON, gcloud
 *   workload-identity provider JSON (oidc.issuerUri + attributeCondition), Azure federated
 *   credentials (az / Graph / ARM: issuer, subject | claimsMatchingExpression, audiences).
 * - *.yaml|yml|template: CloudFormation with short tags (!Sub keeps its template text, !Ref/!GetAtt
 *   become ${…} placeholders), multi-document YAML, aliases; duplicate keys are errors.
 * - *.tf (via @cdktf/hcl2json): aws_iam_role.assume_role_policy as jsonencode({literal object})
 *   — the object is re-parsed by the HCL parser as `v = {…}` — or heredoc/literal JSON;
 *   data "aws_iam_policy_document" statements; google_iam_workload_identity_pool_provider;
 *   azuread_application_federated_identity_credential / azurerm_federated_identity_credential;
 *   aws_iam_openid_connect_provider (any *.tf of the run) and AdministratorAccess attachments.
 *   jsonencode(merge(…)), file(), templatefile() and variables are notices, not evaluated.
 * - *.tpl (templatefile JSON): bare ${…} values are quoted and treated as "not evaluated";
 *   %{…} directives are errors.
 * Lines in Terraform come from searching the block's text (hcl2json keeps no positions).
 */
/**
 * Audits cloud trust policies that let GitHub Actions OIDC tokens in (AWS
 * IAM JSON / CloudFormation / Terraform, GCP workload identity providers,
 * Azure federated credentials). Malformed files are errors naming file and
 * line; finding no GitHub trust at all is an error too, so a wrong path never
 * passes silently.
 */
async function runTrustPolicyAudit(ctx, options) {
    const result = { command: COMMAND, findings: [], errors: [], inputs: [], notices: [] };
    if (options.paths.filter(p => p.trim()).length === 0) {
        result.errors.push({ path: '(paths)', message: 'no trust-policy paths given; pass files, directories or globs' });
        return result;
    }
    const { files, errors } = await candidates(options.paths, ctx.workspace);
    result.errors.push(...errors);
    const texts = new Map();
    for (const file of files) {
        try {
            const text = await (0,core_files/* readTextInput */.sg)(file.path, { workspace: ctx.workspace, allowOutside: ctx.allowOutside });
            if (!file.explicit && !mayHoldTrust(text))
                continue;
            texts.set(file.path, text);
        }
        catch (error) {
            if (file.explicit || !(error instanceof core_errors/* InputFileError */.TH))
                result.errors.push({ path: file.path, message: (0,core_errors/* errorMessage */.gJ)(error) });
        }
    }
    // Provider resources may live in another .tf file than the roles that reference them.
    const providerRefs = [...texts].filter(([p]) => /\.tf$/i.test(p)).flatMap(([, text]) => githubProviderRefsInText(text));
    const trusts = [];
    for (const [path, text] of texts) {
        result.inputs.push(path);
        try {
            const format = formatOf(path, text);
            if (format === 'terraform') {
                const tf = await trustsInTerraform(path, text, providerRefs);
                trusts.push(...tf.trusts);
                result.notices.push(...tf.notices);
            }
            else {
                const source = /\.tpl$/i.test(path) ? quoteTemplateInterpolations(text) : text;
                trusts.push(...trustsInStructured(parseStructured(source, format === 'json'), path));
            }
        }
        catch (error) {
            if (error instanceof StructuredParseError || error instanceof HclParseError) {
                result.errors.push({ path, message: `${path}:${error.line}: ${error.message}` });
            }
            else {
                result.errors.push({ path, message: `${path}: ${(0,core_errors/* errorMessage */.gJ)(error)}` });
            }
        }
    }
    for (const trust of trusts) {
        for (const rule of rules/* TRUST_POLICY_RULES */.Y)
            result.findings.push(...rule.check(trust));
    }
    result.findings.sort(byLocation);
    if (trusts.length === 0 && result.errors.length === 0) {
        result.errors.push({
            path: options.paths.join(', '),
            message: 'no GitHub OIDC trust policy found (no principal or condition key for token.actions.githubusercontent.com, no GitHub workload identity provider or federated credential); check the paths'
        });
    }
    if (trusts.length > 0) {
        const rows = trusts.map(t => `| ${cell(`${t.path}:${t.line}`)} | ${t.kind} | ${cell(t.resource)} | ${cell(scopeSummary(t))} |`);
        result.sections = [{ title: 'GitHub OIDC trust policies', markdown: ['| where | cloud | resource | scope |', '|---|---|---|---|', ...rows].join('\n') }];
    }
    if (result.notices.length === 0)
        delete result.notices;
    return result;
}
/**
 * Terraform templatefile() JSON: bare `${…}` values (e.g. `${jsonencode(subjects)}`) become strings so the
 * JSON parses; they are then judged as "not evaluated". Template directives `%{…}` are not supported.
 */
function quoteTemplateInterpolations(text) {
    if (/%\{/.test(text))
        throw new Error('template directives (%{ … }) are not supported; audit the rendered JSON');
    let out = '';
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (inString) {
            out += ch;
            if (ch === '\\')
                out += text[++i] ?? '';
            else if (ch === '"')
                inString = false;
            continue;
        }
        if (ch === '"')
            inString = true;
        if (ch === '$' && text[i + 1] === '{') {
            let depth = 0;
            let j = i + 1;
            for (; j < text.length; j++) {
                if (text[j] === '{')
                    depth++;
                else if (text[j] === '}' && --depth === 0)
                    break;
            }
            out += JSON.stringify(text.slice(i, j + 1));
            i = j;
            continue;
        }
        out += ch;
    }
    return out;
}
function byLocation(a, b) {
    return a.path.localeCompare(b.path) || a.line - b.line || a.ruleId.localeCompare(b.ruleId);
}


/***/ })

};

//# sourceMappingURL=693.index.js.map