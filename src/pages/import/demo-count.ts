// How many demo returns 载入示例数据 loads, for the page's text, without loading the list of their URLs (a
// test holds it equal to the files shipped).
export const DEMO_FILE_COUNT = 100;
