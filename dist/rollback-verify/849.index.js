export const id = 849;
export const ids = [849];
export const modules = {

/***/ 849:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   seg: () => (/* binding */ a)
/* harmony export */ });
/* harmony import */ var _chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4417);
(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();var t=async(s,n)=>({bundlePath:__webpack_require__.ab + "seg.tar.gz"}),a={name:"seg",setup:t};
//# sourceMappingURL=seg.js.map

/***/ })

};

//# sourceMappingURL=849.index.js.map