export const id = 496;
export const ids = [496];
export const modules = {

/***/ 4496:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fuzzystrmatch: () => (/* binding */ i)
/* harmony export */ });
/* harmony import */ var _chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4417);
(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();var e=async(s,n)=>({bundlePath:__webpack_require__.ab + "fuzzystrmatch.tar.gz"}),i={name:"fuzzystrmatch",setup:e};
//# sourceMappingURL=fuzzystrmatch.js.map

/***/ })

};

//# sourceMappingURL=496.index.js.map