/** The portal: pages, REST API, login and health, all on Payara Micro. */
package io.writ.web;
