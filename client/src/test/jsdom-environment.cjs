// jsdom with the Fetch API classes of Node itself: react-router's data routers build Request
// objects, which jsdom does not have. AbortController comes along so signals match Requests.
'use strict';

const { TestEnvironment } = require('jest-environment-jsdom');

class JsdomWithFetchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.assign(this.global, { Request, Response, Headers, FormData, AbortController, AbortSignal, TextEncoder, TextDecoder, ReadableStream });
  }
}

module.exports = JsdomWithFetchEnvironment;
