/**
 * JSON texts already made for stored objects. The event store serialises each object once for the log; the response
 * to the write and the watch events of it reuse that text instead of serialising the same object again. Only stored
 * objects are remembered, and stored objects are never changed after they are stored (every write makes new ones),
 * so a remembered text stays exact.
 */
const texts = new WeakMap<object, string>();

/** `JSON.stringify(object)`, remembered for `knownJsonText`. */
export function storedJsonText(object: object): string {
  let text = texts.get(object);
  if (text === undefined) texts.set(object, (text = JSON.stringify(object)));
  return text;
}

/** The text `storedJsonText` made for `value`, if it did. */
export function knownJsonText(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? texts.get(value) : undefined;
}

/** `JSON.stringify(value)`, or the stored object's text made before. */
export function jsonText(value: unknown): string {
  return knownJsonText(value) ?? JSON.stringify(value);
}
