/**
 * The boundary between the logic layer (this runtime) and the view layer (the {@code view}
 * module), as on the platform: the two talk only through data and events.
 *
 * <ul>
 *   <li>{@link dev.ttrtc.runtime.view.ViewLayerProvider} (found with {@link java.util.ServiceLoader})
 *       opens one {@link dev.ttrtc.runtime.view.ViewLayer} per instance; with none on the class path
 *       an instance runs its logic layer only.</li>
 *   <li>{@link dev.ttrtc.runtime.view.LogicLayer} is what the view may use of the instance: project
 *       files, component definitions, handler calls, lifetimes and the SJS sandbox.</li>
 *   <li>{@link dev.ttrtc.runtime.view.InstanceView}, {@link dev.ttrtc.runtime.view.ViewElement} and
 *       {@link dev.ttrtc.runtime.view.ViewListener} are the consumer API returned by
 *       {@link dev.ttrtc.runtime.MiniProgram#view()}.</li>
 * </ul>
 *
 * <p>Threading: everything of one instance's view runs on that instance's loop thread. The SPI
 * methods are called there only; the consumer API may be called from any thread.
 */
package dev.ttrtc.runtime.view;
