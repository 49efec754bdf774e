export const id = 290;
export const ids = [290];
export const modules = {

/***/ 6290:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pgcrypto: () => (/* binding */ i)
/* harmony export */ });
/* harmony import */ var _chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4417);
(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();var t=async(n,s)=>({bundlePath:__webpack_require__.ab + "pgcrypto.tar.gz"}),i={name:"pgcrypto",setup:t};
//# sourceMappingURL=pgcrypto.js.map

/***/ })

};

//# sourceMappingURL=290.index.js.map