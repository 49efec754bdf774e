export const id = 387;
export const ids = [387];
export const modules = {

/***/ 2387:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   unaccent: () => (/* binding */ c)
/* harmony export */ });
/* harmony import */ var _chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4417);
(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();var t=async(n,s)=>({bundlePath:__webpack_require__.ab + "unaccent.tar.gz"}),c={name:"unaccent",setup:t};
//# sourceMappingURL=unaccent.js.map

/***/ })

};

//# sourceMappingURL=387.index.js.map