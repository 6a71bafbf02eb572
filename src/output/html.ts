// Text made safe to place in HTML, in an element or an attribute.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const esc = (text: unknown) => String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
