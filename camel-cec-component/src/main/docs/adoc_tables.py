# Regenerates the options and headers tables of cec-component.adoc from the generated component JSON.
# Usage: python3 camel-cec-component/src/main/docs/adoc_tables.py <cec.json> component|endpoint|headers  (prints one)
#        python3 camel-cec-component/src/main/docs/adoc_tables.py <cec.json> update <adoc>     (rewrites the marker blocks)
import json, sys
d = json.load(open(sys.argv[1]))

def esc(s):
    return (s or '').replace('|', '\\|')

def default(v):
    if 'defaultValue' in v:
        dv = v['defaultValue']
        if isinstance(dv, bool):
            dv = str(dv).lower()
        return str(dv)
    return ''

def typ(v):
    t = v.get('type', '')
    jt = v.get('javaType', '')
    short = jt.split('.')[-1] if jt else t
    if t == 'enum':
        return 'enum (' + ', '.join(v.get('enum', [])) + ')' if len(v.get('enum', [])) <= 8 else short
    return short

def row(name, v):
    desc = esc(v.get('description', ''))
    if v.get('required'):
        desc = '*Required* ' + desc
    if v.get('secret'):
        desc += ' (secret)'
    if v.get('enum') and v.get('type') != 'enum':
        desc += ' One of: ' + ', '.join(v['enum']) + '.'
    return '| *%s* (%s) | %s | %s | %s' % (name, v.get('group', ''), desc, default(v), typ(v))

def table(props, title):
    out = ['', '=== %s' % title, '', 'The %s has %d options, which are listed below.' % (title.split(' ')[1].lower() if False else title.lower(), len(props)), '',
           '[width="100%",cols="2,5,^1,2",options="header"]', '|===', '| Name | Description | Default | Type']
    for k, v in props.items():
        out.append(row(k, v))
    out.append('|===')
    return out

def tables(which):
    lines = []
    if which == 'component':
        props = d['componentProperties']
        lines += ['The Huawei CEC component supports %d options, which are listed below.' % len(props), '',
                  '[width="100%",cols="2,5,^1,2",options="header"]', '|===', '| Name | Description | Default | Type']
        lines += [row(k, v) for k, v in props.items()]
        lines.append('|===')
    elif which == 'endpoint':
        path = {k: v for k, v in d['properties'].items() if v['kind'] == 'path'}
        query = {k: v for k, v in d['properties'].items() if v['kind'] == 'parameter'}
        lines += ['The Huawei CEC endpoint is configured using URI syntax:', '', '----', d['component']['syntax'], '----', '',
                  'With the following path and query parameters:', '', '==== Path Parameters (%d parameters)' % len(path), '',
                  '[width="100%",cols="2,5,^1,2",options="header"]', '|===', '| Name | Description | Default | Type']
        for k, v in path.items():
            vv = dict(v)
            vv['enum'] = None
            r = row(k, {**v, 'type': 'string'})
            lines.append(r.replace('| CecOperation', '| CecOperation'))
        lines += ['|===', '', '==== Query Parameters (%d parameters)' % len(query), '',
                  '[width="100%",cols="2,5,^1,2",options="header"]', '|===', '| Name | Description | Default | Type']
        lines += [row(k, v) for k, v in query.items()]
        lines.append('|===')
    elif which == 'headers':
        h = d['headers']
        lines += ['The Huawei CEC component supports %d message header(s), which is/are listed below:' % len(h), '',
                  '[width="100%",cols="10%,10%,10%,10%,50%",options="header"]', '|===',
                  '| Name | Description | Default | Type', ]
        lines = lines[:-1] + ['| Name | Description | Default | Type']
        lines[2] = '[width="100%",cols="2,5,^1,2",options="header"]'
        for k, v in h.items():
            label = v.get('label') or 'common'
            const = v.get('constantName', '').split('#')[-1]
            desc = esc(v.get('description', ''))
            lines.append('| %s (%s) +\n`%s` | %s | %s | `%s`' % (k, label, 'CecConstants.' + const, desc, default(v), v.get('javaType', '')))
        lines.append('|===')
    return '\n'.join(lines)


if sys.argv[2] == 'update':
    path = sys.argv[3]
    doc = open(path, encoding='utf-8').read()
    for marker, kind in (('component options', 'component'), ('endpoint options', 'endpoint'),
                         ('component headers', 'headers')):
        start = doc.index('// %s: START' % marker) + len('// %s: START' % marker)
        end = doc.index('// %s: END' % marker)
        title = doc[start:end].strip().split('\n')[0]
        doc = doc[:start] + '\n' + title + '\n\n' + tables(kind) + '\n' + doc[end:]
    open(path, 'w', encoding='utf-8').write(doc)
else:
    print(tables(sys.argv[2]))
