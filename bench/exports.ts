// Benchmark section 'exports' (filled in by its issue).
export async function run(): Promise<void> {
  console.log('(not measured yet)');
}
