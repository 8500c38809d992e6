// 设置 → 预警阈值: the thresholds every flag and bulletin list follows.
export function ThresholdsSection() {
  return (
    <section aria-labelledby="thresholds-title">
      <h2 id="thresholds-title">预警阈值</h2>
    </section>
  );
}
