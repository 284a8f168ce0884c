/**
 * The widget's CSS, injected into its Shadow DOM so the store's CSS cannot
 * reach in and ours cannot leak out. Integrators can theme it from outside
 * with custom properties on the host, e.g. `#shopdesk-widget { --sd-accent: #b00 }`.
 */
export const STYLES = `
:host{all:initial}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.sd-root{all:initial;display:block;--a:var(--sd-accent,#2650c8);--at:var(--sd-accent-text,#fff);--bg:var(--sd-bg,#fff);--fg:var(--sd-fg,#1c1f24);--mu:var(--sd-muted,#5f6670);--bd:var(--sd-border,#dde1e6);--bb:var(--sd-bot-bubble,#f1f3f6);
font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);-webkit-font-smoothing:antialiased}
.sd-sr{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
button,input,textarea{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:2px solid var(--a);outline-offset:2px}
.sd-launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:56px;height:56px;border:0;border-radius:50%;background:var(--a);color:var(--at);
box-shadow:0 4px 14px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center;transition:transform .15s}
.sd-launcher:hover{transform:scale(1.06)}
.sd-launcher svg{width:28px;height:28px;fill:currentColor}
.sd-unread{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 6px;border-radius:10px;background:#d93025;color:#fff;font-size:12px;font-weight:700;line-height:20px;text-align:center;border:2px solid var(--bg)}
.sd-panel{position:fixed;right:20px;bottom:20px;z-index:2147483001;width:370px;height:min(600px,calc(100vh - 40px));background:var(--bg);border:1px solid var(--bd);border-radius:14px;
box-shadow:0 10px 40px rgba(0,0,0,.22);display:flex;flex-direction:column;overflow:hidden}
.sd-header{display:flex;align-items:center;gap:8px;padding:12px 12px 12px 16px;background:var(--a);color:var(--at)}
.sd-title{flex:1;margin:0;font-size:16px;font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.sd-close{width:36px;height:36px;border:0;border-radius:8px;background:transparent;color:inherit;font-size:22px;line-height:1}
.sd-close:hover{background:rgba(255,255,255,.16)}
.sd-close:focus-visible{outline-color:var(--at)}
.sd-status{padding:6px 16px;background:#fff4ce;color:#5c4400;font-size:13px;border-bottom:1px solid var(--bd)}
.sd-log{flex:1;overflow-y:auto;padding:14px 12px;display:flex;flex-direction:column;gap:10px;overscroll-behavior:contain}
.sd-message{display:flex;flex-direction:column;max-width:88%;align-self:flex-start}
.sd-message[data-role=user]{align-self:flex-end;align-items:flex-end}
.sd-message[data-role=system]{align-self:center;max-width:100%;color:var(--mu);font-size:13px;text-align:center}
.sd-bubble{padding:8px 12px;border-radius:14px;background:var(--bb);overflow-wrap:anywhere;min-width:0}
.sd-message[data-role=user] .sd-bubble{background:var(--a);color:var(--at);border-bottom-right-radius:4px}
.sd-message[data-role=bot] .sd-bubble,.sd-message[data-role=agent] .sd-bubble{border-bottom-left-radius:4px}
.sd-message[data-role=system] .sd-bubble{background:transparent;padding:2px 8px}
.sd-message[data-state=sending] .sd-bubble{opacity:.75}
.sd-message[data-state=failed] .sd-bubble{opacity:.6}
.sd-text{margin:0;white-space:pre-wrap}
.sd-meta{display:flex;gap:4px;align-items:center;margin-top:2px;padding:0 4px;color:var(--mu);font-size:11px}
.sd-clock{font-size:11px}
.sd-error{margin:4px 4px 0;color:#b3261e;font-size:12px}
.sd-text+.sd-part,.sd-part+.sd-part{margin-top:8px}
.sd-cards{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
.sd-product-card{background:var(--bg);border:1px solid var(--bd);border-radius:10px;overflow:hidden}
.sd-card-link{display:flex;gap:10px;padding:8px;color:inherit;text-decoration:none}
a.sd-card-link:hover .sd-card-title{text-decoration:underline}
.sd-card-img{flex:none;width:64px;height:64px;object-fit:cover;border-radius:6px;background:var(--bb)}
.sd-card-body{min-width:0;display:flex;flex-direction:column;gap:1px}
.sd-card-title{font-weight:600}
.sd-card-brand,.sd-card-reason,.sd-rating-count{color:var(--mu);font-size:12px}
.sd-card-price{font-weight:600}
.sd-stars{color:#e8a200;letter-spacing:1px}
.sd-oos{align-self:flex-start;padding:0 6px;border-radius:4px;background:#fde7e9;color:#a4262c;font-size:11px;font-weight:600}
.sd-timeline{background:var(--bg);border:1px solid var(--bd);border-radius:10px;padding:10px 12px}
.sd-tl-head{display:flex;justify-content:space-between;align-items:center;gap:8px;font-weight:600}
.sd-badge{padding:1px 8px;border-radius:10px;background:#e6ecfa;color:#1d3f99;font-size:12px;font-weight:600;white-space:nowrap}
.sd-badge[data-status=delivered]{background:#e3f4e8;color:#17693a}
.sd-badge[data-status=cancelled],.sd-badge[data-status=returned]{background:#fde7e9;color:#a4262c}
.sd-tl-line{margin-top:2px;color:var(--mu);font-size:12px}
.sd-events{list-style:none;margin:8px 0 0;padding:0 0 0 14px;border-left:2px solid var(--bd)}
.sd-event{position:relative;padding:0 0 8px 4px;font-size:12px}
.sd-event::before{content:"";position:absolute;left:-20px;top:4px;width:10px;height:10px;border-radius:50%;background:var(--a)}
.sd-event-status{font-weight:600}
.sd-event-meta{color:var(--mu)}
.sd-quick-replies{display:flex;flex-wrap:wrap;gap:6px}
.sd-quick-reply{padding:6px 12px;border:1px solid var(--a);border-radius:16px;background:var(--bg);color:var(--a)}
.sd-quick-reply:hover{background:var(--a);color:var(--at)}
.sd-link{color:var(--a);font-weight:600}
.sd-message[data-role=user] .sd-link{color:inherit}
.sd-typing{padding:0 16px 6px;color:var(--mu);font-size:20px;line-height:1}
.sd-typing span[aria-hidden]{display:inline-block;animation:sd-pulse 1.2s ease-in-out infinite}
@keyframes sd-pulse{50%{opacity:.3}}
.sd-form{display:flex;align-items:flex-end;gap:8px;padding:10px 12px;border-top:1px solid var(--bd)}
.sd-field{flex:1;display:flex;flex-direction:column;min-width:0}
.sd-input{width:100%;min-height:40px;max-height:120px;padding:9px 12px;border:1px solid var(--bd);border-radius:10px;background:var(--bg);resize:none;overflow-y:auto}
.sd-input:focus{border-color:var(--a);outline:none;box-shadow:0 0 0 2px color-mix(in srgb,var(--a) 30%,transparent)}
.sd-counter{align-self:flex-end;margin-top:2px;color:var(--mu);font-size:11px}
.sd-counter[data-full]{color:#b3261e;font-weight:600}
.sd-send{height:40px;padding:0 16px;border:0;border-radius:10px;background:var(--a);color:var(--at);font-weight:600}
@media (max-width:480px){
.sd-panel{inset:0;width:100%;height:100%;max-height:none;border:0;border-radius:0}
.sd-launcher{right:16px;bottom:16px}
.sd-input{font-size:16px}
}
@media (prefers-reduced-motion:reduce){.sd-launcher,.sd-typing span[aria-hidden]{transition:none;animation:none}}
`;
