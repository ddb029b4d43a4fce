/** The home page: who is signed in and what they may do. */
package io.writ.web.home;
