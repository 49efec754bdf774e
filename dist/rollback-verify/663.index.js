export const id = 663;
export const ids = [663];
export const modules = {

/***/ 9663:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   earthdistance: () => (/* binding */ r)
/* harmony export */ });
/* harmony import */ var _chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4417);
(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();var t=async(n,s)=>({bundlePath:__webpack_require__.ab + "earthdistance.tar.gz"}),r={name:"earthdistance",setup:t};
//# sourceMappingURL=earthdistance.js.map

/***/ })

};

//# sourceMappingURL=663.index.js.map