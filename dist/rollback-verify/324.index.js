export const id = 324;
export const ids = [324];
export const modules = {

/***/ 3324:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   intarray: () => (/* binding */ i)
/* harmony export */ });
/* harmony import */ var _chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4417);
(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();var t=async(n,r)=>({bundlePath:__webpack_require__.ab + "intarray.tar.gz"}),i={name:"intarray",setup:t};
//# sourceMappingURL=intarray.js.map

/***/ })

};

//# sourceMappingURL=324.index.js.map