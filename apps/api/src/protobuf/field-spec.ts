/** One field of a Kubernetes API struct, parsed from the compact form in kube-messages.schema.ts. */
export interface FieldSpec {
  /** The JSON name, or for an inline struct the name it carries in the protobuf message. */
  name: string;
  number: number;
  shape: 'scalar' | 'pointer' | 'slice' | 'map';
  /** Element type: a scalar (`string`, `int32`, `int64`, `bool`, `float64`, `bytes`) or a message name. */
  type: string;
  omitempty: boolean;
  omitzero: boolean;
  inline: boolean;
}

/** Scalar element types and their protobuf wire types. */
export const SCALAR_TYPES: Record<string, string> = {
  string: 'string',
  int32: 'int32',
  int64: 'int64',
  bool: 'bool',
  float64: 'double',
  bytes: 'bytes',
};

export function parseFieldSpec(name: string, spec: string): FieldSpec {
  const [num, goType, ...flags] = spec.split(' ');
  let shape: FieldSpec['shape'] = 'scalar';
  let type = goType;
  if (type.startsWith('*')) {
    shape = 'pointer';
    type = type.slice(1);
  } else if (type.startsWith('map[string]')) {
    shape = 'map';
    type = type.slice('map[string]'.length);
  } else if (type.startsWith('[]') && type !== '[]byte') {
    shape = 'slice';
    type = type.slice(2);
  }
  if (type === '[]byte') type = 'bytes';
  return {
    name,
    number: Number(num),
    shape,
    type,
    omitempty: flags.includes('omitempty'),
    omitzero: flags.includes('omitzero'),
    inline: flags.includes('inline'),
  };
}
