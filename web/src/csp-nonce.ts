/**
 * This page's CSP nonce (the server writes a fresh one per request). The Content-Security-Policy admits a <style>
 * element only with it. Ant Design's CSS-in-JS takes it through ConfigProvider, but some of its building blocks insert
 * styles of their own without one (the dialog's scroll lock in @rc-component/portal, the scrollbar measurement in
 * @rc-component/util), so every <style> created by the console's own script gets it here.
 *
 * This does not weaken the policy: the nonce defends against injected markup, and only script the policy already
 * admits (script-src 'self', no inline script) runs this code — such script could read the nonce from the page anyway.
 */
export const cspNonce: string | undefined = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;

if (cspNonce) {
  const createElement = Document.prototype.createElement;
  Document.prototype.createElement = function patched(this: Document, tagName: string, options?: ElementCreationOptions) {
    const element = createElement.call(this, tagName, options);
    if (element instanceof HTMLStyleElement) element.nonce = cspNonce;
    return element;
  } as typeof Document.prototype.createElement;
}
