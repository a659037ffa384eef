// mark.js's own ES2015 source: the same library as its ES5 `main`, ~4 KB smaller in the content
// script once minified (no Babel class helpers).
declare module 'mark.js/src/vanilla.js' {
  import Mark from 'mark.js';
  export default Mark;
}
