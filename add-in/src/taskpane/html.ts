// The pane's one rule for putting text into HTML it builds as strings.

/**
 * Escapes text for an HTML element's content or a quoted attribute value: `& < > " '` become numeric references.
 * @example
 * escapeHtml(`Tom & "Jerry" <b>`) //=> "Tom &#38; &#34;Jerry&#34; &#60;b&#62;"
 */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
