// 设置 → 本机存储: persistent storage, space used and free.
export function StorageSection() {
  return (
    <section aria-labelledby="storage-title">
      <h2 id="storage-title">本机存储</h2>
    </section>
  );
}
