export const id = 379;
export const ids = [379];
export const modules = {

/***/ 4379:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lo: () => (/* binding */ r)
/* harmony export */ });
/* harmony import */ var _chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4417);
(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();var t=async(n,s)=>({bundlePath:__webpack_require__.ab + "lo.tar.gz"}),r={name:"lo",setup:t};
//# sourceMappingURL=lo.js.map

/***/ })

};

//# sourceMappingURL=379.index.js.map