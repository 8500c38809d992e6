// 图表: the charts, loaded lazily.
export default function ChartsPage() {
  return (
    <section aria-labelledby="charts-title">
      <h1 id="charts-title">图表</h1>
    </section>
  );
}
