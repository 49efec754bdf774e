export const id = 215;
export const ids = [215];
export const modules = {

/***/ 3215:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hstore: () => (/* binding */ o)
/* harmony export */ });
/* harmony import */ var _chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4417);
(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();var t=async(s,n)=>({bundlePath:__webpack_require__.ab + "hstore.tar.gz"}),o={name:"hstore",setup:t};
//# sourceMappingURL=hstore.js.map

/***/ })

};

//# sourceMappingURL=215.index.js.map