/** Small builders for JDM graphs (the JSON the GoRules editor saves), so the peers read as tables. */
let seq = 0;
const id = (p) => `${p}-${++seq}`;
const at = { x: 0, y: 0 };

export const input = () => ({ id: 'input', type: 'inputNode', name: 'Request', position: at });
export const output = () => ({ id: 'output', type: 'outputNode', name: 'Response', position: at });

/** Expression node: [[key, expression], …]; later keys read earlier ones as $.key. */
export const expressions = (name, rows, passThrough = true) => ({
  id: id(name),
  type: 'expressionNode',
  name,
  position: at,
  content: {
    passThrough,
    inputField: null,
    outputPath: null,
    executionMode: 'single',
    expressions: rows.map(([key, value]) => ({ id: id('e'), key, value })),
  },
});

/** Decision table, hit policy first: inputs [[name, field]], outputs [[name, field]], rules [[cells…, outs…]]. */
export const table = (name, inputs, outputs, rules) => {
  const ins = inputs.map(([n, field]) => ({ id: id('i'), name: n, field }));
  const outs = outputs.map(([n, field]) => ({ id: id('o'), name: n, field }));
  return {
    id: id(name),
    type: 'decisionTableNode',
    name,
    position: at,
    content: {
      hitPolicy: 'first',
      passThrough: true,
      inputField: null,
      outputPath: null,
      executionMode: 'single',
      inputs: ins,
      outputs: outs,
      rules: rules.map((cells) => {
        const r = { _id: id('r') };
        ins.forEach((c, i) => {
          r[c.id] = cells[i];
        });
        outs.forEach((c, i) => {
          r[c.id] = cells[ins.length + i];
        });
        return r;
      }),
    },
  };
};

/** A straight chain input → nodes… → output. */
export function chain(...nodes) {
  const all = [input(), ...nodes, output()];
  const edges = [];
  for (let i = 1; i < all.length; i++) {
    edges.push({ id: id('edge'), sourceId: all[i - 1].id, targetId: all[i].id, type: 'edge' });
  }
  return { nodes: all, edges };
}

export const q = (s) => `'${s}'`;
export const anyOf = (xs) => xs.map(q).join(', ');
