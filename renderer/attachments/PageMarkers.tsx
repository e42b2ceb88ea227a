import { useRef, useState, type CSSProperties, type PointerEvent } from 'react';
import type { PageRegion } from '#core/doc/attachments';
import { latestVersion, type Comment } from '#core/doc/comments';
import { useI18n } from '../i18n/index.tsx';

const percent = (n: number) => `${(n * 100).toFixed(3)}%`;
const clamp01 = (n: number) => Math.min(1, Math.max(0, n));
const short = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * Where an area's comment opens: under the area (over it when the area is low on the
 * page), from its left edge but moved left as far as needed to stay on the page, as wide
 * as the page allows: never cut off by the page's edge on a narrow phone.
 */
function noteBeside(area: PageRegion): CSSProperties {
  const low = area.y + area.h > 0.7;
  return {
    left: `min(${percent(area.x)}, calc(100% - min(18rem, 100%)))`,
    width: 'min(18rem, 100%)',
    right: 'auto',
    ...(low ? { top: 'auto', bottom: `calc(${percent(1 - area.y)} + 4px)` } : { top: `calc(${percent(area.y + area.h)} + 4px)` }),
  };
}

/**
 * Over a PDF page: one marker per comment on it (on its area when it marked one, in the
 * page's margin otherwise); a click shows the comment there. While `marking`, dragging on
 * the page draws the area the next comment will be about (fractions of the page).
 */
export function PageMarkers({ comments, marking, region, onRegion }: { comments: Comment[]; marking: boolean; region: PageRegion | null; onRegion(region: PageRegion | null): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const start = useRef<{ x: number; y: number } | null>(null);

  const at = (e: PointerEvent) => {
    const rect = box.current!.getBoundingClientRect();
    return { x: clamp01((e.clientX - rect.left) / rect.width), y: clamp01((e.clientY - rect.top) / rect.height) };
  };
  const drag = (e: PointerEvent) => {
    if (!start.current) return;
    const to = at(e);
    const from = start.current;
    const w = Math.abs(to.x - from.x);
    const h = Math.abs(to.y - from.y);
    if (w > 0.005 && h > 0.005) onRegion({ x: Math.min(from.x, to.x), y: Math.min(from.y, to.y), w, h });
  };

  const opened = comments.find((c) => c.id === open);
  let margin = 0;
  return (
    <div className="page-markers" ref={box}>
      {comments.map((comment, i) => {
        const area = comment.anchor?.region;
        const style = area ? { left: percent(area.x), top: percent(area.y), width: percent(area.w), height: percent(area.h) } : { right: '4px', top: `${4 + 34 * margin++}px` };
        const text = latestVersion(comment).text;
        return (
          <div key={comment.id} className={area ? 'page-marker-area' : 'page-marker-pin'} style={style}>
            <button
              type="button"
              className="page-marker"
              data-testid="page-marker"
              aria-expanded={open === comment.id}
              aria-label={t('pageNotes.marker', { name: comment.authorName, text: short(text) })}
              onClick={() => setOpen(open === comment.id ? null : comment.id)}
            >
              {i + 1}
            </button>
            {!area && open === comment.id && (
              <div className="page-marker-note" role="note" data-testid="page-marker-note">
                <strong>{comment.authorName}</strong> {text}
              </div>
            )}
          </div>
        );
      })}
      {/* An area's comment opens in the page's frame, so that it can keep within the page. */}
      {opened?.anchor?.region && (
        <div className="page-marker-note" role="note" data-testid="page-marker-note" style={noteBeside(opened.anchor.region)}>
          <strong>{opened.authorName}</strong> {latestVersion(opened).text}
        </div>
      )}
      {region && <div className="page-region-drawn" style={{ left: percent(region.x), top: percent(region.y), width: percent(region.w), height: percent(region.h) }} />}
      {marking && (
        <div
          className="page-region-canvas"
          data-testid="page-region-canvas"
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            start.current = at(e);
            onRegion(null);
          }}
          onPointerMove={drag}
          onPointerUp={(e) => {
            drag(e);
            start.current = null;
          }}
        />
      )}
    </div>
  );
}
