/** The home page: who is signed in, and the figures of their roles (what awaits whom, how privilege is held). */
package io.writ.web.home;
