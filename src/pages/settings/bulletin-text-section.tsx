// 设置 → 通报文字: the bulletin's heading, addressees, requirements and signature.
export function BulletinTextSection() {
  return (
    <section aria-labelledby="bulletin-text-title">
      <h2 id="bulletin-text-title">通报固定文字</h2>
    </section>
  );
}
