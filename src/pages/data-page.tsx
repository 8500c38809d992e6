// 数据: the five attachments as sortable, filterable tables.
export function DataPage(_props: { table?: string }) {
  return (
    <section aria-labelledby="data-title">
      <h1 id="data-title">汇总数据</h1>
    </section>
  );
}
