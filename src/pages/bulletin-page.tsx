// 通报: the generated bulletin, editable, and the exports.
export function BulletinPage() {
  return (
    <section aria-labelledby="bulletin-title">
      <h1 id="bulletin-title">通报</h1>
    </section>
  );
}
