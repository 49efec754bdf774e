export const id = 888;
export const ids = [888];
export const modules = {

/***/ 9888:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pg_trgm: () => (/* binding */ p)
/* harmony export */ });
/* harmony import */ var _chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4417);
(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();var t=async(n,s)=>({bundlePath:__webpack_require__.ab + "pg_trgm.tar.gz"}),p={name:"pg_trgm",setup:t};
//# sourceMappingURL=pg_trgm.js.map

/***/ })

};

//# sourceMappingURL=888.index.js.map