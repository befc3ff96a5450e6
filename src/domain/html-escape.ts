// Text into HTML: the five characters that could open markup or close an attribute become entities.
// Everything else (any script, emoji) passes as it is.
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}
