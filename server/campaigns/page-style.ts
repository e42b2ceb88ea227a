/** The public page's styles, inlined (the CSP allows inline styles, not scripts): one request for a phone. */
export const pageStyle = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f6f5f2}
header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
h1{font-size:1.6rem;line-height:1.2;margin:.25rem 0 .5rem}
.question{font-size:1.1rem;margin:0 0 .5rem}
.lang{text-align:right;margin:0}
.rubric{display:inline-block;background:#e4ecf7;color:#173d6b;border-radius:1rem;padding:0 .6rem;font-size:.85rem;margin:.1rem 0}
.closed,#notice{background:#fff4d6;border:1px solid #e0c36b;border-radius:.4rem;padding:.5rem .75rem}
#notice.error{background:#fde8e8;border-color:#d99}
.panel{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}
.panel h2{font-size:1.2rem;margin:.25rem 0}
.field{margin:.5rem 0}
.field label{display:block;font-weight:600}
.field small{display:block;color:#555}
.field .label{display:block;font-weight:600}
.visually-hidden{position:absolute!important;width:1px!important;height:1px;padding:0!important;margin:-1px;border:0!important;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.file-picker{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;margin:.25rem 0}
.field label.pick{display:inline-flex;align-items:center;min-height:2.75rem;padding:.4rem 1rem;border:1px solid #1f4e8c;border-radius:.4rem;background:#fff;color:#1f4e8c;font-weight:600;cursor:pointer}
.field label.pick:focus-within{outline:2px solid #1f4e8c;outline-offset:2px}
#idea-photo-chosen{overflow-wrap:anywhere;min-width:0}
.field .issue{color:#a40000}
input,textarea,select{width:100%;font:inherit;padding:.5rem;border:1px solid #888;border-radius:.3rem;background:#fff}
input[type=checkbox]{width:auto;margin-right:.5rem}
.check{display:flex;align-items:center}
.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
button{font:inherit;min-height:2.75rem;padding:.4rem 1rem;border-radius:.4rem;border:1px solid #1f4e8c;background:#1f4e8c;color:#fff;cursor:pointer}
button.link{min-height:0;padding:0;border:0;background:none;color:#1f4e8c;text-decoration:underline}
button[aria-pressed=true]{background:#fff;color:#1f4e8c}
button:disabled{opacity:.6}
.sort,.count{margin:.5rem 0}
a{color:#1f4e8c}
a[aria-current]{font-weight:700;color:#1b1b1b}
.ideas{list-style:none;margin:0;padding:0}
.idea article{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0}
.idea h2{font-size:1.15rem;margin:0 0 .25rem;overflow-wrap:anywhere}
.meta{margin:0;font-size:.9rem;color:#444}
.status{font-weight:600}
.status-accepted,.status-implemented{color:#176b2c}
.status-declined{color:#8a1c1c}
.text{white-space:pre-line;overflow-wrap:anywhere}
.photo{display:block;max-width:100%;max-height:20rem;height:auto;border-radius:.3rem;margin:.5rem 0}
.answer{border-left:3px solid #1f4e8c;padding-left:.75rem;margin:.5rem 0}
.answer h3{font-size:.95rem;margin:0}
.answer p{margin:0;white-space:pre-line}
.comments{border-top:1px solid #eee;margin:.75rem 0 0;padding-top:.5rem}
.comments h3{font-size:.95rem;margin:0 0 .25rem}
.comment-list{list-style:none;margin:0;padding:0}
.comment{margin:.4rem 0;padding:.4rem .6rem;background:#f6f5f2;border-radius:.4rem}
.comment.team{background:#e4ecf7}
.comment-author{margin:0;font-size:.85rem;font-weight:600}
.comment-text{margin:0;white-space:pre-line;overflow-wrap:anywhere}
.comment-actions,.comment-report{margin:.4rem 0 0}
.comment-form,.report-form{margin:.4rem 0}
.comment-outcome{margin:.4rem 0;padding:.4rem .6rem;background:#fff4d6;border-radius:.4rem}
.comment-outcome.error{background:#fde8e8}
.comment-pending{margin:.2rem 0 0;font-size:.85rem;color:#6b4a00}
.comment.mine{border-left:3px solid #1f4e8c}
#news ul{margin:0;padding-left:1.2rem}
.vote{display:flex;gap:1rem;align-items:center;justify-content:space-between;margin:.5rem 0 0}
.pages{display:flex;justify-content:space-between;margin:1rem 0}
footer{color:#555;font-size:.85rem;padding-bottom:2rem}
.hint{display:block;color:#555;margin:0 0 .5rem 1.9rem}
button.danger{background:#8a1c1c;border-color:#8a1c1c}
#profile h3{font-size:1rem;margin:1rem 0 .25rem}
`;
