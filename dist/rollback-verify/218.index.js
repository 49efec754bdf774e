export const id = 218;
export const ids = [218];
export const modules = {

/***/ 9218:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   btree_gist: () => (/* binding */ a)
/* harmony export */ });
/* harmony import */ var _chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4417);
(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();var t=async(s,n)=>({bundlePath:__webpack_require__.ab + "btree_gist.tar.gz"}),a={name:"btree_gist",setup:t};
//# sourceMappingURL=btree_gist.js.map

/***/ })

};

//# sourceMappingURL=218.index.js.map