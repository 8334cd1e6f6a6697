// SPDX-License-Identifier: GPL-3.0-or-later
// Drives an exported SVG flamegraph in a running headless Chromium through the DevTools
// protocol, with real mouse and key events, and prints what the page shows after each step
// as one JSON object. Usage: node --experimental-websocket flamegraph-clicks.mjs PORT
// (Chromium started with --remote-debugging-port, the SVG of the 70/30 profile loaded.)
const port = process.argv[2];
const list = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
const page = list.find((t) => t.type === "page");
const ws = new WebSocket(page.webSocketDebuggerUrl);
let nextId = 0;
const pending = new Map();
ws.onmessage = (m) => {
    const d = JSON.parse(m.data);
    if (pending.has(d.id)) {
        pending.get(d.id)(d.result);
        pending.delete(d.id);
    }
};
await new Promise((resolve) => (ws.onopen = resolve));
const send = (method, params = {}) =>
    new Promise((resolve) => {
        pending.set(++nextId, resolve);
        ws.send(JSON.stringify({ id: nextId, method, params }));
    });
const evaluate = async (expression) =>
    (await send("Runtime.evaluate", { expression, returnByValue: true })).result.value;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const centre = (selector) =>
    evaluate(`(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect();
                        return [r.x + Math.min(r.width / 2, 20), r.y + r.height / 2]; })()`);
const click = async (selector) => {
    const [x, y] = await centre(selector);
    await send("Input.dispatchMouseEvent", { type: "mouseMoved", x, y });
    for (const type of ["mousePressed", "mouseReleased"])
        await send("Input.dispatchMouseEvent", { type, x, y, button: "left", clickCount: 1 });
};
const state = () =>
    evaluate(`({
        warmWidth: document.querySelector('g[data-f="warm_30"] rect').getAttribute("width"),
        hotClass: document.querySelector('g[data-f="hot_70"]').getAttribute("class"),
        resetClass: document.getElementById("reset").getAttribute("class"),
        matched: document.getElementById("matched").getAttribute("class") === "hide" ? "" : document.getElementById("matched").textContent,
        searchLabel: document.getElementById("search").textContent,
        hash: location.hash })`);

await send("Page.enable");
// The page may still be loading when the debugger connects (a busy machine): wait for it.
for (let i = 0; i < 200 && !(await evaluate(`document.readyState === "complete" && !!document.querySelector('g[data-f="warm_30"] rect')`)); ++i)
    await sleep(50);
const result = {};
await click('g[data-f="warm_30"] rect');
result.afterZoom = await state();
await click("#reset");
result.afterReset = await state();
const [hx, hy] = await centre('g[data-f="hot_70"] rect');
await send("Input.dispatchMouseEvent", { type: "mouseMoved", x: hx, y: hy });
result.details = await evaluate(`document.getElementById("details").textContent`);
// Ctrl+F opens a prompt; answer it like a user would.
send("Input.dispatchKeyEvent", { type: "rawKeyDown", key: "f", code: "KeyF", modifiers: 2, windowsVirtualKeyCode: 70 });
for (let i = 0; i < 50 && !(await send("Page.handleJavaScriptDialog", { accept: true, promptText: "warm" })); ++i)
    await sleep(100);
await sleep(100);
result.afterSearch = await state();
await click("#search"); // now "Clear search"
result.afterClear = await state();
await click('g[data-f="main"] rect');
await send("Input.dispatchKeyEvent", { type: "rawKeyDown", key: "Escape", code: "Escape", windowsVirtualKeyCode: 27 });
result.afterEscape = await state();
console.log(JSON.stringify(result));
ws.close();
process.exit(0);
