// The bulletin shown as a document: title, addressees, numbered headings, body, attachments list, signature.
import type { BulletinParagraph } from '../../domain/bulletin/generate';

const LEAD = /^(（[一二三四五六七八九十]+）[^。]*。)(.+)$/;

function Paragraph({ p }: { p: BulletinParagraph }) {
  switch (p.kind) {
    case 'title':
      return <h2 className="b-title">{p.text}</h2>;
    case 'body': {
      // A requirement paragraph opens with its （一）…。 heading in 楷体.
      const m = LEAD.exec(p.text);
      return m ? (
        <p>
          <span className="b-lead">{m[1]}</span>
          {m[2]}
        </p>
      ) : (
        <p>{p.text}</p>
      );
    }
    case 'attachment':
      return <p className={p.text.startsWith('附件') ? 'b-attachment' : 'b-attachment-more'}>{p.text}</p>;
    default:
      return <p className={`b-${p.kind}`}>{p.text}</p>;
  }
}

export function BulletinDocument({
  paragraphs,
  label = '通报正文',
}: {
  paragraphs: readonly BulletinParagraph[];
  /** The article's accessible name: 通报正文, or a past version's. */
  label?: string;
}) {
  return (
    <article className="bulletin-doc" aria-label={label}>
      {paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are rebuilt whole from the text
        <Paragraph key={i} p={p} />
      ))}
    </article>
  );
}
