export const id = 641;
export const ids = [641];
export const modules = {

/***/ 3641:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   moddatetime: () => (/* binding */ r)
/* harmony export */ });
/* harmony import */ var _chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4417);
(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();var t=async(n,s)=>({bundlePath:__webpack_require__.ab + "spi.tar.gz"}),r={name:"moddatetime",setup:t};
//# sourceMappingURL=moddatetime.js.map

/***/ })

};

//# sourceMappingURL=641.index.js.map