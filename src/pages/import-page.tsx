// 导入: drop the month's returns, see every problem, store what is good.
export function ImportPage() {
  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">导入月报</h1>
    </section>
  );
}
