export const id = 771;
export const ids = [771];
export const modules = {

/***/ 8771:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bloom: () => (/* binding */ r)
/* harmony export */ });
/* harmony import */ var _chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4417);
(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();var t=async(n,s)=>({bundlePath:__webpack_require__.ab + "bloom.tar.gz"}),r={name:"bloom",setup:t};
//# sourceMappingURL=bloom.js.map

/***/ })

};

//# sourceMappingURL=771.index.js.map