// What the data and unit pages show before any return is stored: where to get data.
export function EmptyState() {
  return (
    <div className="notice" role="status">
      <p>还没有任何月报数据。</p>
      <p>
        请到 <a href="#/import">导入</a> 页导入各市县的月报文件；想先看看效果，可在导入页点击“载入示例数据”。
      </p>
    </div>
  );
}
