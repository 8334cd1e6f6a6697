// Expected shape: about 70 % of the CPU time in hot(), about 30 % in cold(), both called
// from main(), for the JavaScript importers (tst_cpuprofileimporter,
// tst_chrometraceimporter). The two loops do the same work per iteration; main() gives
// hot() 70,000 iterations for every 30,000 of cold()'s.
// Usage: node hot_js.js [milliseconds]   (default 1000), or loaded by hot_js.html in a
// browser (1000 ms, then the page's title becomes "done").
'use strict';

function hot(n) {
    let x = 0;
    for (let i = 0; i < n; i++)
        x = (x * 31 + i) | 0;
    return x;
}

function cold(n) {
    let x = 0;
    for (let i = 0; i < n; i++)
        x = (x * 17 + i) | 0;
    return x;
}

function main(ms) {
    const end = Date.now() + ms;
    let s = 0;
    while (Date.now() < end) {
        s ^= hot(70000);
        s ^= cold(30000);
    }
    return s;
}

if (typeof process !== 'undefined' && process.argv) {
    console.log('hot_js', main(Number(process.argv[2] || 1000)));
} else {
    document.title = 'done ' + main(1000);
}
