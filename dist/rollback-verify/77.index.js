export const id = 77;
export const ids = [77];
export const modules = {

/***/ 8077:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uuid_ossp: () => (/* binding */ o)
/* harmony export */ });
/* harmony import */ var _chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4417);
(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();var t=async(s,n)=>({bundlePath:__webpack_require__.ab + "uuid-ossp.tar.gz"}),o={name:"uuid-ossp",setup:t};
//# sourceMappingURL=uuid_ossp.js.map

/***/ })

};

//# sourceMappingURL=77.index.js.map