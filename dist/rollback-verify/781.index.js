export const id = 781;
export const ids = [781];
export const modules = {

/***/ 3781:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   citext: () => (/* binding */ a)
/* harmony export */ });
/* harmony import */ var _chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4417);
(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();var t=async(n,s)=>({bundlePath:__webpack_require__.ab + "citext.tar.gz"}),a={name:"citext",setup:t};
//# sourceMappingURL=citext.js.map

/***/ })

};

//# sourceMappingURL=781.index.js.map